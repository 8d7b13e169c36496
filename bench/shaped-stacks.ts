// Baseline for the benchmark: cdktf itself synthesizing N stacks of the app's shape, with none of the app's work (no
// deployments file, checks, aspects or warnings): a local backend, the genesyscloud provider, an OAuth client with the
// attributes the app gives it, and the two outputs. What any cdktf app declaring this costs at least. bench.mjs
// bundles it as scripts/build.mjs bundles the app (cdktf and constructs left to node_modules).
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { OauthClient } from "../.gen/providers/genesyscloud/oauth-client";
import { GenesyscloudProvider } from "../.gen/providers/genesyscloud/provider";
import { SERVICE_CLOUD_VOICE_SCOPES as SCOPES } from "../lib/shared/scopes";

const app = new App({ stackTraces: false, skipValidation: true });
for (let i = 0; i < Number(process.argv[2]); i++) {
  const stack = new TerraformStack(app, `org${i}`);
  new GenesyscloudProvider(stack, "genesyscloud", { awsRegion: "us-east-1", tokenPoolSize: 1 });
  new LocalBackend(stack, { path: `/project/terraform.org${i}.tfstate` });
  const host = `acme${i}.lightning.force.com`;
  const redirectUris = [`https://${host}/lightning/page/home`];
  const client = new OauthClient(stack, "client", {
    name: `Salesforce Service Cloud Voice (${host})`,
    description: "Used by the CX Cloud, Digital and AI for Salesforce Service Cloud Voice Lightning app to get tokens.",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUris: redirectUris,
    scopes: [...SCOPES],
    exposeClientSecret: false,
    lifecycle: { preventDestroy: true },
  });
  new TerraformOutput(stack, "client_id", { value: client.id, description: "The OAuth client id." });
  new TerraformOutput(stack, "redirect_uris", { value: redirectUris, description: "The redirect URIs registered on the OAuth client." });
}
app.synth();

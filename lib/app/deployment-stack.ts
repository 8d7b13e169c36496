import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { GenesyscloudProvider, ServiceCloudVoiceOAuthClient } from "../construct";
import { declareBackend } from "./backend";
import { Deployment, oauthClientProps } from "./deployments";

/**
 * One deployment as one Terraform stack, named after it: the genesyscloud provider for the deployment's region
 * and the Service Cloud Voice OAuth client. Credentials are not declared here: the provider reads them from
 * GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (or GENESYSCLOUD_ACCESS_TOKEN) at plan time.
 */
export class DeploymentStack extends TerraformStack {
  /** Construct ids are part of the Terraform addresses: renaming one would replace the client, so they never change. */
  static readonly PROVIDER_ID = "genesyscloud";
  static readonly OAUTH_CLIENT_CONSTRUCT_ID = "service-cloud-voice";

  readonly oauthClient: ServiceCloudVoiceOAuthClient;

  /** `baseDir`: the deployments file's folder, which a local state path is relative to. */
  constructor(scope: Construct, deployment: Deployment, baseDir: string) {
    super(scope, deployment.name);

    new GenesyscloudProvider(this, DeploymentStack.PROVIDER_ID, { awsRegion: deployment.genesysCloud.region });
    declareBackend(this, deployment.name, deployment.backend, baseDir);
    this.oauthClient = new ServiceCloudVoiceOAuthClient(this, DeploymentStack.OAUTH_CLIENT_CONSTRUCT_ID, oauthClientProps(deployment));

    new TerraformOutput(this, "client_id", {
      value: this.oauthClient.clientId,
      description: "The OAuth client id: paste it into the Salesforce org's CX Cloud, Digital and AI settings.",
    });
    new TerraformOutput(this, "redirect_uris", {
      value: this.oauthClient.redirectUris,
      description: "The redirect URIs registered on the OAuth client.",
    });
  }
}

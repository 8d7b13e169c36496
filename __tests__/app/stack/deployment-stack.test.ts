import { App, TerraformStack, Testing } from "cdktf";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { GenesyscloudProvider } from "../../../.gen/providers/genesyscloud/provider";
import { keepExistingImplicitClient, migrateImplicitClient } from "../../../lib/shared/policy";
import { DeploymentStack } from "../../../lib/app/stack/deployment-stack";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { tempDir } from "../../support/temp-dir";

const production: Deployment = {
  name: "production",
  genesysCloud: { region: "eu-central-1" },
  salesforce: { myDomain: "acme" },
};

function synth(deployment: Deployment) {
  const stack = new DeploymentStack(Testing.app(), deployment, "/project");
  return { stack, json: JSON.parse(Testing.synth(stack)), text: Testing.synth(stack) };
}

describe("DeploymentStack", () => {
  it("is named after the deployment", () => {
    const app = new App({ outdir: tempDir("stack-") });
    expect(new DeploymentStack(app, production, "/project").node.id).toBe("production");
  });

  it("configures the genesyscloud provider with the deployment's region and a token pool of one, nothing else", () => {
    const { text, json } = synth(production);
    expect(text).toHaveProviderWithProperties(GenesyscloudProvider, { aws_region: "eu-central-1", token_pool_size: 1 });
    expect(json.provider.genesyscloud).toEqual([{ aws_region: "eu-central-1", token_pool_size: 1 }]);
  });

  it("never writes credentials: the provider reads them from its environment variables", () => {
    process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET = "secret-from-env";
    try {
      const { text } = synth(production);
      expect(text).not.toMatch(/oauthclient_id|oauthclient_secret|access_token"|secret-from-env/);
    } finally {
      delete process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET;
    }
  });

  it("admits provider 1.82.0 (the version the end-to-end tests prove) and the later 1.x releases, as cdktf.json does", () => {
    expect(synth(production).json.terraform.required_providers.genesyscloud).toEqual({
      source: "mypurecloud/genesyscloud",
      version: "~> 1.82",
    });
  });

  it("requires provider 1.83 or later in eusc-de-east-1, which 1.82.0 refuses at plan; the HCL export says the same", () => {
    const eusc = { ...production, genesysCloud: { region: "eusc-de-east-1" } };
    expect(synth(eusc).json.terraform.required_providers.genesyscloud).toEqual({ source: "mypurecloud/genesyscloud", version: "~> 1.83" });
    const app = new App({ outdir: tempDir("stack-"), hclOutput: true });
    const stack = new DeploymentStack(app, eusc, "/project");
    expect(stack.toHclTerraform()).toMatchObject({ hcl: expect.stringMatching(/version\s*=\s*"~> 1\.83"/) });
  });

  it("outputs the client id and the redirect URIs", () => {
    const { json } = synth({ ...production, salesforce: { myDomain: "acme", sandbox: "uat" } });
    expect(json.output.client_id.value).toBe("${genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E.id}");
    expect(json.output.redirect_uris.value).toEqual(["https://acme--uat.sandbox.lightning.force.com/lightning/page/home"]);
  });

  it("genesysCloud.gateway: the provider's gateway block, the port as a string; path prefixes as path_params", () => {
    const gateway = {
      host: "genesys-gw.acme.example",
      port: 8443,
      protocol: "https" as const,
      pathParams: [{ pathName: "api" as const, pathValue: "genesys/api" }],
    };
    const { json, stack } = synth({ ...production, genesysCloud: { region: "eu-central-1", gateway } });
    expect(json.provider.genesyscloud[0].gateway).toEqual([
      { host: "genesys-gw.acme.example", port: "8443", protocol: "https", path_params: [{ path_name: "api", path_value: "genesys/api" }] },
    ]);
    expect(stack.node.metadata).toEqual([]);
  });

  it("warns when the gateway is plain http to another machine", () => {
    const warnings = (host: string) =>
      synth({
        ...production,
        genesysCloud: { region: "eu-central-1", gateway: { host, port: 80, protocol: "http" } },
      }).stack.node.metadata.map((m) => m.data);
    expect(warnings("gw.acme.example")).toEqual([
      "genesysCloud.gateway uses http to gw.acme.example: the client credentials and every token cross the network unencrypted. Use https unless the gateway is on this machine.",
    ]);
    expect(warnings("127.0.0.1")).toEqual([]);
  });

  it("names the way off the implicit grant with the deployment's own name: adopt before a create, migrate for a kept client", () => {
    const warningsOf = (oauthClient: Deployment["oauthClient"]) =>
      synth({ ...production, oauthClient })
        .stack.node.findAll()
        .flatMap((c) => c.node.metadata.map((m) => String(m.data)))
        .filter((w) => /npx genesys-scv-oauth-client (adopt|migrate)/.test(w) && w.startsWith("Deployment"));
    expect(warningsOf(undefined)).toEqual([keepExistingImplicitClient(production.name)]);
    expect(warningsOf({ importClientId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" })).toEqual([migrateImplicitClient(production.name)]);
    expect(migrateImplicitClient("production")).toContain(
      "npx genesys-scv-oauth-client migrate production (npx genesys-scv-oauth-client help docs/migrating.md)",
    );
    expect(warningsOf({ importClientId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", migration: { step: "side-by-side" } })).toEqual([]);
    expect(warningsOf({ grantType: "authorization-code" })).toEqual([]);
  });

  it("without genesysCloud.organizationId, reads no org", () => {
    expect(synth(production).json.data).toBeUndefined();
  });

  it("with genesysCloud.organizationId, fails the plan in any other org, before the client is touched", () => {
    const id = "8F0A3B4C-1D2E-4F5A-8B6C-7D8E9F0A1B2C";
    const { json } = synth({ ...production, genesysCloud: { region: "eu-central-1", organizationId: id } });
    expect(json.data.genesyscloud_organizations_me.organization.lifecycle.postcondition).toEqual([
      {
        condition: '${lower(self.id) == "8f0a3b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c"}',
        error_message:
          "Deployment 'production' is for Genesys Cloud org 8f0a3b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c, but its credentials belong to org ${self.id} ('${self.name}'). " +
          "Nothing was changed: use the credentials of org 8f0a3b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c, or correct genesysCloud.organizationId.",
      },
    ]);
    const [resource] = Object.values(json.resource.genesyscloud_oauth_client) as any[];
    expect(resource.depends_on).toEqual(["data.genesyscloud_organizations_me.organization"]);
  });

  it("passes the deployment's oauthClient settings to the construct", () => {
    const { json } = synth({
      ...production,
      oauthClient: { tokenLifetimeSeconds: 7200, grantType: "authorization-code", preventDestroy: false },
    });
    const [resource] = Object.values(json.resource.genesyscloud_oauth_client) as any[];
    expect(resource).toMatchObject({
      access_token_validity_seconds: 7200,
      authorized_grant_type: "CODE",
      lifecycle: { prevent_destroy: false },
    });
  });
});

describe("DeploymentStack: synth without cdktf's cross-stack pass", () => {
  /** Every file synth writes under `outdir`, by path. */
  const written = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((path) => statSync(join(dir, path)).isFile())
        .map((path) => [path, readFileSync(join(dir, path), "utf8")]),
    );

  /** Synthesizes the deployments in `form`; with `crossStackPass`, after cdktf's own prepareStack, which the stack skips. */
  function synthAll(deployments: Deployment[], form: "json" | "hcl", crossStackPass: boolean) {
    process.env.SYNTH_HCL_OUTPUT = String(form === "hcl");
    try {
      const outdir = tempDir("stack-pass-");
      const app = new App({ outdir, stackTraces: false, skipValidation: true });
      const stacks = deployments.map((deployment) => new DeploymentStack(app, deployment, "/project"));
      if (crossStackPass) for (const stack of stacks) TerraformStack.prototype.prepareStack.call(stack);
      app.synth();
      return written(outdir);
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  }

  const every: Deployment[] = [
    {
      name: "production",
      genesysCloud: { region: "eu-central-1", organizationId: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", credentials: "ACME_EU" },
      salesforce: { myDomain: "acme" },
      oauthClient: {
        grantType: "authorization-code",
        tokenLifetimeSeconds: 3600,
        additionalScopes: ["analytics:readonly"],
        name: 'SCV "prod" ${x}',
      },
      backend: { s3: { bucket: "tf-state", region: "eu-central-1", endpoint: "https://minio.example:9000", usePathStyle: true } },
    },
    {
      name: "uat",
      genesysCloud: {
        region: "eusc-de-east-1",
        gateway: { host: "127.0.0.1", port: 8080, protocol: "http", pathParams: [{ pathName: "api", pathValue: "g/api" }] },
      },
      salesforce: { myDomain: "acme", sandbox: "uat" },
      oauthClient: { importClientId: "A1B2C3D4-0000-4000-8000-000000000001", preventDestroy: false },
      backend: { cloud: { organization: "acme", workspace: "scv-uat" } },
    },
    {
      name: "dev",
      genesysCloud: { region: "us-east-1" },
      salesforce: { lightningHost: "acme--dev.sandbox.lightning.force.com" },
      backend: { local: { path: "state/dev.tfstate" } },
    },
  ];

  it.each(["json", "hcl"] as const)("writes exactly what cdktf's own pass gives, every file (%s)", (form) => {
    const skipped = synthAll(every, form, false);
    expect(Object.keys(skipped)).toContain(`stacks/uat/${form === "hcl" ? "cdk.tf" : "cdk.tf.json"}`);
    expect(skipped).toEqual(synthAll(every, form, true));
  });
});

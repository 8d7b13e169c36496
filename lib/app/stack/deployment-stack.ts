import { Annotations, Aspects, dependable, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DataGenesyscloudOrganizationsMe, GenesyscloudProvider, HCL_EXPORT, ServiceCloudVoiceOAuthClient } from "../../construct/internal";
import { declareBackend } from "./backend";
import { salesforceAdminAt } from "../../shared/migration";
import { keepExistingImplicitClient, migrateImplicitClient, MigrationStep } from "../../shared/policy";
import { Deployment, Gateway, oauthClientProps } from "../deployments/deployments";
import { PROVIDER_CONSTRAINT_BY_REGION } from "../deployments/regions";
import { docsPage, typed } from "../../shared/typed-command";

/**
 * One deployment as one Terraform stack, named after it: the genesyscloud provider for the deployment's region
 * and the Service Cloud Voice OAuth client. Credentials are not declared here: the provider reads them from
 * GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (or GENESYSCLOUD_ACCESS_TOKEN) at plan time.
 */
export class DeploymentStack extends TerraformStack {
  /** Construct ids are part of the Terraform addresses: renaming one would replace the client, so they never change. */
  static readonly PROVIDER_ID = "genesyscloud";
  static readonly OAUTH_CLIENT_CONSTRUCT_ID = "service-cloud-voice";
  static readonly ORGANIZATION_GUARD_ID = "organization";

  readonly oauthClient: ServiceCloudVoiceOAuthClient;

  /** `baseDir`: the deployments file's folder, which a local state path is relative to. */
  constructor(scope: Construct, deployment: Deployment, baseDir: string) {
    super(scope, deployment.name);
    // `synth --hcl` writes every resource and data source of the stack as Terraform reads it (the organization guard's
    // postcondition as a block, the client's depends_on as a reference).
    Aspects.of(this).add(HCL_EXPORT);

    // One pooled token: the provider mints token_pool_size tokens (default 10) plus its own at every start, and Genesys
    // rate-limits logins; a stack that manages one client needs one.
    const { region, gateway } = deployment.genesysCloud;
    new GenesyscloudProvider(this, DeploymentStack.PROVIDER_ID, { awsRegion: region, tokenPoolSize: 1, gateway: gatewayBlock(gateway) });
    const constraint = PROVIDER_CONSTRAINT_BY_REGION[region];
    if (constraint) this.addOverride("terraform.required_providers.genesyscloud.version", constraint);
    if (gateway?.protocol === "http" && !isLoopback(gateway.host)) {
      Annotations.of(this).addWarning(
        `genesysCloud.gateway uses http to ${gateway.host}: the client credentials and every token cross the network unencrypted. Use https unless the gateway is on this machine.`,
      );
    }
    declareBackend(this, deployment.name, deployment.backend, baseDir);
    this.oauthClient = new ServiceCloudVoiceOAuthClient(this, DeploymentStack.OAUTH_CLIENT_CONSTRUCT_ID, oauthClientProps(deployment));
    const { grantType, importClientId } = this.oauthClient.settings;
    // The way on, named with this deployment's name: adopt where a create would be refused, migrate where a client is kept.
    if (grantType === "implicit" && !importClientId)
      Annotations.of(this.oauthClient).addWarning(keepExistingImplicitClient(deployment.name));
    if (grantType === "implicit" && importClientId && !this.oauthClient.settings.migration)
      Annotations.of(this.oauthClient).addWarning(migrateImplicitClient(deployment.name));
    const { organizationId } = deployment.genesysCloud;
    if (organizationId && /^[0-]+$/.test(organizationId)) {
      Annotations.of(this).addWarning(
        `genesysCloud.organizationId is the placeholder ${organizationId}: a plan stops before any change until it holds your org's id (Admin > Account Settings > Organization Settings).`,
      );
    }
    if (organizationId) {
      const guard = organizationGuard(this, deployment.name, organizationId);
      // The guard's check comes first. As a dependable (not its fqn, which would be a "${...}" template) cdktf writes
      // depends_on as the address in JSON; HCL_EXPORT writes it as a reference in HCL.
      for (const client of this.oauthClient.clients) client.dependsOn = [dependable(guard)];
    }

    new TerraformOutput(this, "client_id", {
      value: this.oauthClient.clientId,
      description: "The OAuth client id: paste it into the Salesforce org's CX Cloud, Digital and AI settings.",
    });
    new TerraformOutput(this, "redirect_uris", {
      value: this.oauthClient.redirectUris,
      description: "The redirect URIs registered on the OAuth client.",
    });
    const { migration } = this.oauthClient.settings;
    if (migration) {
      const codeClientId = this.oauthClient.authorizationCodeClientId!;
      new TerraformOutput(this, MIGRATION_OUTPUTS.authorizationCodeClientId, {
        value: codeClientId,
        description: "The migration's client with the authorization-code grant (PKCE): the id the Salesforce org enters.",
      });
      // The review reads the step from the plan's output changes: which step a pull request takes, and in which order.
      new TerraformOutput(this, MIGRATION_OUTPUTS.migration, {
        value: { step: migration.step, retire_by: migration.retireBy, despite_usage: migration.despiteUsage },
        description: `Where the migration off the implicit grant stands (${typed("migrate", deployment.name)}).`,
      });
      new TerraformOutput(this, MIGRATION_OUTPUTS.nextStep, {
        value: salesforceAdminNextStep(deployment.name, migration.step, codeClientId),
        description: `What the Salesforce admin does now (${docsPage("migrating")}).`,
      });
    }
  }

  /**
   * Before synth, cdktf resolves every element of every stack once more, only to find references to another stack's
   * elements (each becomes an output there and a remote state here). A deployment's stack refers to nothing outside
   * itself, so that pass finds none: skipped, it was a fifth of synthesizing 1,000 deployments, and what is written
   * is the same (a test compares it with cdktf's own pass). What else the pass does, the backend, is done.
   */
  override prepareStack(): void {
    this.ensureBackendExists();
  }
}

/** The outputs of a deployment under migration, by name (the migrate command reads them from the state). */
export const MIGRATION_OUTPUTS = {
  authorizationCodeClientId: "authorization_code_client_id",
  migration: "migration",
  nextStep: "salesforce_admin_next_step",
} as const;

/** What the Salesforce admin does at each step (lib/shared/migration.ts); `codeClientId` is the authorization-code client's id (a token here). */
export function salesforceAdminNextStep(deploymentName: string, step: MigrationStep, codeClientId: string): string {
  const text = salesforceAdminAt(step, { deploymentName, codeClientId });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Reads the org the credentials belong to and fails the plan, before any change, when it is not the deployment's:
 * credentials of the wrong org would otherwise create the client there, silently.
 */
function organizationGuard(stack: TerraformStack, deploymentName: string, organizationId: string): DataGenesyscloudOrganizationsMe {
  const expected = organizationId.toLowerCase();
  const guard = new DataGenesyscloudOrganizationsMe(stack, DeploymentStack.ORGANIZATION_GUARD_ID, {
    lifecycle: {
      postcondition: [
        {
          condition: `\${lower(self.id) == "${expected}"}`,
          // No double quotes in the text around the interpolations: cdktf's HCL export would not escape them.
          errorMessage:
            `Deployment '${deploymentName}' is for Genesys Cloud org ${expected}, but its credentials belong to org ` +
            `\${self.id} ('\${self.name}'). Nothing was changed: use the credentials of org ${expected}, or correct genesysCloud.organizationId.`,
        },
      ],
    },
  });
  return guard;
}

/** The provider's gateway block: the port as the string the provider expects. */
function gatewayBlock(gateway: Gateway | undefined) {
  if (!gateway) return undefined;
  const { host, port, protocol, pathParams } = gateway;
  return [{ host, port: String(port), protocol, pathParams: pathParams && [...pathParams] }];
}

function isLoopback(host: string): boolean {
  return host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { OauthClient } from "../.gen/providers/genesyscloud/oauth-client";
import { IMPLICIT_GRANT_RETIREMENT } from "./grant-type";
import { OAuthClientSettings, resolveOAuthClientSettings, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";

/**
 * The Genesys Cloud OAuth client that the Salesforce Service Cloud Voice Lightning app gets its tokens from,
 * declared as the Genesys article "Create an OAuth Client for Salesforce Service Cloud Voice" sets it up.
 */
export class ServiceCloudVoiceOAuthClient extends Construct {
  /** The construct id of the resource: part of its Terraform address, so it never changes. */
  static readonly RESOURCE_ID = "client";

  readonly resource: OauthClient;
  readonly settings: OAuthClientSettings;

  constructor(scope: Construct, id: string, props: ServiceCloudVoiceOAuthClientProps) {
    super(scope, id);
    this.settings = resolveOAuthClientSettings(props);
    const s = this.settings;

    this.resource = new OauthClient(this, ServiceCloudVoiceOAuthClient.RESOURCE_ID, {
      name: s.name,
      description: s.description,
      accessTokenValiditySeconds: s.tokenLifetimeSeconds,
      authorizedGrantType: s.authorizedGrantType,
      registeredRedirectUris: s.redirectUris,
      scopes: s.scopes,
      // The implicit grant and PKCE need no secret; never put one in state.
      exposeClientSecret: false,
      lifecycle: { preventDestroy: s.preventDestroy },
    });

    // Adopting a hand-made client: an import block, so that no new client (and no new id) is created.
    if (s.importClientId) this.resource.importFrom(s.importClientId);

    if (s.grantType === "implicit") Annotations.of(this).addWarning(IMPLICIT_GRANT_RETIREMENT);
    for (const scope of s.extraScopes) {
      Annotations.of(this).addWarning(
        `Scope "${scope}" is beyond the seven the Service Cloud Voice setup needs: grant it only if the Lightning app must have it (least privilege).`,
      );
    }
  }

  /** The OAuth client id to paste into the Salesforce org; the resource id, which is also known after an import. */
  get clientId(): string {
    return this.resource.id;
  }

  /** The redirect URIs registered on the client. */
  get redirectUris(): string[] {
    return this.settings.redirectUris;
  }
}

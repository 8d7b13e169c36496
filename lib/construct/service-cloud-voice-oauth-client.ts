import { Annotations, Aspects, Fn, Op, TerraformResourceLifecycle, Token } from "cdktf";
import { Construct } from "constructs";
import { OauthClient } from "../../.gen/providers/genesyscloud/oauth-client";
import { HCL_EXPORT } from "./hcl-export";
import { terraformLiteral } from "./terraform-literal";
import { OAuthClientSettings, resolveOAuthClientSettings, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";
import { ALLOWED_DESCRIPTION, ALLOWED_NAME } from "./props-schema";
import { HIDDEN_CHARACTERS_RE2, TEXT_LIMITS } from "../shared/plain-text";
import { destroyProtectionOff, IMPLICIT_GRANT_RETIREMENT } from "../shared/policy";
import { foreignRedirectUris } from "../shared/salesforce-org";

/**
 * The Genesys Cloud OAuth client that the Salesforce Service Cloud Voice Lightning app gets its tokens from,
 * declared as the Genesys article "Create an OAuth Client for Salesforce Service Cloud Voice" sets it up.
 */
export class ServiceCloudVoiceOAuthClient extends Construct {
  /** The construct id of the resource: part of its Terraform address, so it never changes. */
  static readonly RESOURCE_ID = "client";
  /** The warning when preventDestroy is false: the one `npm run check` gives, said of the prop. */
  static readonly DESTROY_PROTECTION_OFF = destroyProtectionOff("preventDestroy: false");

  readonly resource: OauthClient;
  readonly settings: OAuthClientSettings;

  constructor(scope: Construct, id: string, props: ServiceCloudVoiceOAuthClientProps) {
    super(scope, id);
    this.settings = resolveOAuthClientSettings(props);
    const s = this.settings;

    // Literal text as Terraform reads it back unchanged: never a template it evaluates.
    this.resource = new OauthClient(this, ServiceCloudVoiceOAuthClient.RESOURCE_ID, {
      name: terraformLiteral(s.name),
      description: terraformLiteral(s.description),
      accessTokenValiditySeconds: s.tokenLifetimeSeconds,
      authorizedGrantType: s.authorizedGrantType,
      registeredRedirectUris: s.redirectUris.map(terraformLiteral),
      scopes: s.scopes.map(terraformLiteral),
      // The implicit grant and PKCE need no secret; never put one in state.
      exposeClientSecret: false,
      lifecycle: { preventDestroy: s.preventDestroy, ...textPreconditions(s) },
      provider: props.provider,
    });

    // `synth --hcl` writes the resource as Terraform reads it, with whatever lifecycle it has by then.
    Aspects.of(this).add(HCL_EXPORT);

    // Adopting a hand-made client: an import block, so that no new client (and no new id) is created.
    if (s.importClientId) this.resource.importFrom(s.importClientId);

    if (s.grantType === "implicit") Annotations.of(this).addWarning(IMPLICIT_GRANT_RETIREMENT);
    if (!s.preventDestroy) Annotations.of(this).addWarning(ServiceCloudVoiceOAuthClient.DESTROY_PROTECTION_OFF);
    for (const uri of foreignRedirectUris(s.lightningHost, s.redirectUris)) {
      Annotations.of(this).addWarning(
        `Redirect URI ${uri} is not on a host of this Salesforce org (its Lightning host is ${s.lightningHost}): Genesys sends agents' tokens to any registered URI a login names; keep it only if that host is this org's.`,
      );
    }
    for (const scope of s.additionalScopes) {
      Annotations.of(this).addWarning(
        `Additional scope "${scope}" is beyond the seven the Service Cloud Voice setup needs: grant it only if the Lightning app must have it (least privilege).`,
      );
    }
  }

  /** The OAuth client id to paste into the Salesforce org; the resource id, which is also known after an import. */
  get clientId(): string {
    return this.resource.id;
  }

  /** The redirect URIs registered on the client, as Terraform configuration writes them (a stack output, say). */
  get redirectUris(): string[] {
    return this.settings.redirectUris.map(terraformLiteral);
  }
}

/** The RE2 pattern as an HCL string literal holds it: cdktf writes string operands into expressions unescaped. */
const HCL_HIDDEN_CHARACTERS = HIDDEN_CHARACTERS_RE2.replace(/\\/g, "\\\\");

/**
 * A name or description given as a Terraform token is known only at plan time: the checks that synth makes on a
 * literal one are then preconditions, which fail the plan before any change with the same words.
 */
function textPreconditions(s: OAuthClientSettings): Pick<TerraformResourceLifecycle, "precondition"> {
  const checks = [
    { text: s.name, maxLength: TEXT_LIMITS.name, nonEmpty: true, allowed: `The OAuth client's name must be ${ALLOWED_NAME}.` },
    {
      text: s.description,
      maxLength: TEXT_LIMITS.description,
      nonEmpty: false,
      allowed: `The OAuth client's description must be ${ALLOWED_DESCRIPTION}.`,
    },
  ].filter((c) => Token.isUnresolved(c.text));
  if (checks.length === 0) return {};
  return {
    precondition: checks.map(({ text, maxLength, nonEmpty, allowed }) => {
      const plain = Op.and(Op.lte(Fn.lengthOf(text), maxLength), Op.not(Fn.can(Fn.regex(HCL_HIDDEN_CHARACTERS, text))));
      // Op.gt(x, 0) would lose the 0 (cdktf renders a falsy operand as undefined): at least 1 instead.
      return { condition: nonEmpty ? Op.and(Op.gte(Fn.lengthOf(Fn.trimspace(text)), 1), plain) : plain, errorMessage: allowed };
    }),
  };
}

import { createHash } from "crypto";
import { Annotations, Aspects, Fn, Op, TerraformResourceLifecycle, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { OauthClient } from "../../.gen/providers/genesyscloud/oauth-client";
import { flavourMismatch, providerFlavourMismatch } from "./cdk-flavour";
import { addRemovedBlock, HCL_EXPORT } from "./hcl-export";
import { terraformLiteral } from "./terraform-literal";
import { OAuthClientSettings, resolveOAuthClientSettings, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";
import { ALLOWED_DESCRIPTION, ALLOWED_NAME } from "./props-schema";
import { HIDDEN_CHARACTERS_RE2, TEXT_LIMITS } from "../shared/plain-text";
import { destroyProtectionOff, GRANT_TYPES, IMPLICIT_GRANT_RETIREMENT } from "../shared/policy";
import { foreignRedirectUris } from "../shared/salesforce-org";

/**
 * The Genesys Cloud OAuth client that the Salesforce Service Cloud Voice Lightning app gets its tokens from,
 * declared as the Genesys article "Create an OAuth Client for Salesforce Service Cloud Voice" sets it up.
 */
export class ServiceCloudVoiceOAuthClient extends Construct {
  /** The construct id of the resource: part of its Terraform address, so it never changes. */
  static readonly RESOURCE_ID = "client";
  /** The warning when preventDestroy is false: the one `check` gives, said of the prop. */
  static readonly DESTROY_PROTECTION_OFF = destroyProtectionOff("preventDestroy: false");

  /**
   * The construct id of the migration's second client, with the authorization-code grant (the `migration` prop): part
   * of its Terraform address, so it never changes.
   */
  static readonly AUTHORIZATION_CODE_RESOURCE_ID = "authorization-code";
  /** What the migration's second client's name adds to the first one's. */
  static readonly AUTHORIZATION_CODE_NAME_SUFFIX = " (PKCE)";

  /**
   * The client resource: the one the props declare (address `<id>/client`); once a migration reaches `retire`, when
   * that one has left the configuration, the migration's authorization-code client.
   */
  readonly resource: OauthClient;
  /** The migration's second client, with the authorization-code grant (PKCE); undefined without a migration. */
  readonly authorizationCodeClient?: OauthClient;
  /** The implicit client's Terraform address once a migration retires it (what the removed block or the delete names). */
  readonly retiredAddress?: string;
  readonly settings: OAuthClientSettings;

  constructor(scope: Construct, id: string, props: ServiceCloudVoiceOAuthClientProps) {
    super(scope, id);
    const mismatch = flavourMismatch(this);
    if (mismatch) throw new Error(mismatch);
    this.settings = resolveOAuthClientSettings(props);
    const providerMismatch = providerFlavourMismatch(this, props.provider);
    if (providerMismatch) throw new Error(providerMismatch);
    const s = this.settings;
    const migration = s.migration;

    // Literal text as Terraform reads it back unchanged: never a template it evaluates.
    const declared = new OauthClient(this, ServiceCloudVoiceOAuthClient.RESOURCE_ID, {
      name: terraformLiteral(s.name),
      description: terraformLiteral(s.description),
      accessTokenValiditySeconds: s.tokenLifetimeSeconds,
      authorizedGrantType: s.authorizedGrantType,
      registeredRedirectUris: s.redirectUris.map(terraformLiteral),
      scopes: s.scopes.map(terraformLiteral),
      // The implicit grant and PKCE need no secret; never put one in state.
      exposeClientSecret: false,
      // Deactivated by the migration: no new tokens, the same client id; going back a step reactivates it.
      ...(migration && migration.step !== "side-by-side" && { state: "inactive" }),
      lifecycle: { preventDestroy: s.preventDestroy, ...textPreconditions(s) },
      provider: props.provider,
    });

    if (migration) {
      // The same redirect URIs, scopes and token lifetime as the implicit client, so that the Salesforce admin changes
      // only the client id and the grant in the package; a name that says which of the two it is.
      this.authorizationCodeClient = new OauthClient(this, ServiceCloudVoiceOAuthClient.AUTHORIZATION_CODE_RESOURCE_ID, {
        name: authorizationCodeName(s.name),
        description: terraformLiteral(s.description),
        accessTokenValiditySeconds: s.tokenLifetimeSeconds,
        authorizedGrantType: GRANT_TYPES["authorization-code"],
        registeredRedirectUris: s.redirectUris.map(terraformLiteral),
        scopes: s.scopes.map(terraformLiteral),
        exposeClientSecret: false,
        lifecycle: { preventDestroy: s.preventDestroy, ...textPreconditions(s) },
        provider: props.provider,
      });
    }
    if (migration?.step === "retire") {
      // The implicit client leaves the configuration: forgotten (a removed block, destroy = false; it stays in Genesys
      // Cloud, inactive, and can be adopted again) or deleted (no block: Terraform deletes what the state alone holds).
      const stack = TerraformStack.of(this);
      this.retiredAddress = `${declared.terraformResourceType}.${stack.getLogicalId(declared)}`;
      this.node.tryRemoveChild(ServiceCloudVoiceOAuthClient.RESOURCE_ID);
      if (migration.retireBy === "forget") {
        addRemovedBlock(stack, { from: this.retiredAddress, destroy: false });
      }
      this.resource = this.authorizationCodeClient!;
    } else {
      this.resource = declared;
      // Adopting a hand-made client: an import block, so that no new client (and no new id) is created.
      if (s.importClientId) this.resource.importFrom(s.importClientId);
    }

    // `synth --hcl` writes the resource as Terraform reads it, with whatever lifecycle it has by then.
    Aspects.of(this).add(HCL_EXPORT);

    if (s.grantType === "implicit" && !migration) Annotations.of(this).addWarning(IMPLICIT_GRANT_RETIREMENT);
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

  /**
   * The client id of `resource` (the one the props declare; once a migration is retired, its authorization-code
   * client); the resource id, which is also known after an import.
   */
  get clientId(): string {
    return this.resource.id;
  }

  /** The migration's authorization-code client's id, to enter in the Salesforce package with PKCE; undefined without a migration. */
  get authorizationCodeClientId(): string | undefined {
    return this.authorizationCodeClient?.id;
  }

  /** Every client resource the construct declares (one; two during a migration, until retire). */
  get clients(): OauthClient[] {
    return this.settings.migration && this.settings.migration.step !== "retire"
      ? [this.resource, this.authorizationCodeClient!]
      : [this.resource];
  }

  /** The redirect URIs registered on the client, as Terraform configuration writes them (a stack output, say). */
  get redirectUris(): string[] {
    return this.settings.redirectUris.map(terraformLiteral);
  }
}

/**
 * The authorization-code client's name: the implicit one's and what it is, within the name's limit. A name too long
 * for both is cut, and the cut marked with a digest of the whole name, so that names stay unique at the limit: two
 * names that differ only past the cut give two names, and never the implicit client's own name.
 */
function authorizationCodeName(name: string): string {
  const suffix = ServiceCloudVoiceOAuthClient.AUTHORIZATION_CODE_NAME_SUFFIX;
  if (Token.isUnresolved(name)) return `${name}${suffix}`;
  const chars = [...name];
  if (chars.length + [...suffix].length <= TEXT_LIMITS.name) return terraformLiteral(name + suffix);
  const cut = (salt: string) => {
    const mark = ` ~${createHash("sha256").update(salt).update(name).digest("hex").slice(0, 8)}`;
    return (
      chars
        .slice(0, TEXT_LIMITS.name - [...suffix].length - mark.length)
        .join("")
        .trimEnd() +
      mark +
      suffix
    );
  };
  // A name made to end in its own digest would meet itself: the digest of another salt then.
  const shortened = cut("");
  return terraformLiteral(shortened === name ? cut("\u0000") : shortened);
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

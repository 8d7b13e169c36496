/**
 * The genesyscloud provider's behaviour for genesyscloud_oauth_client, for tests only: the committed schema,
 * the provider's validation (ranges, enums), SDK-style planning (defaults, computed values unknown on create), and
 * create / read / update / delete / import against the Genesys Cloud API (the local emulator).
 */
import { GENESYS_CLOUD_REGION_NAMES } from "../../../lib/app/regions";
import { ApiClientBody, ApiError, GenesysApi } from "./genesys-api";
import { dataSourceSchemas, providerSchema, resourceSchemas, toProtoSchema } from "./schema";
import { conform, decodeValue, encodeValue, isKnown, UNKNOWN, Value } from "./values";

const TYPE = "genesyscloud_oauth_client";
const block = resourceSchemas[TYPE].block;
const dataBlock = dataSourceSchemas[TYPE].block;
const ORG_TYPE = "genesyscloud_organizations_me";
const orgBlock = dataSourceSchemas[ORG_TYPE].block;
const REGIONS = [...GENESYS_CLOUD_REGION_NAMES, "dca", "tca"];
const GRANT_TYPES = ["CODE", "TOKEN", "SAML2BEARER", "SAML2-BEARER", "PASSWORD", "CLIENT-CREDENTIALS"];
/**
 * The SDK's schema defaults, planned where the configuration leaves the attribute out. Like the real provider
 * (terraform-plugin-sdk v2), plans and applies say legacy_type_system, which lets Terraform accept them.
 */
const DEFAULTS: Value = { access_token_validity_seconds: 86400, state: "active", expose_client_secret: false };
const LEGACY = { legacy_type_system: true };

interface Diagnostic {
  severity: number;
  summary: string;
  detail?: string;
  attribute?: { steps: { attribute_name: string }[] };
}
const error = (summary: string, detail = "", attribute?: string): Diagnostic => ({
  severity: 1,
  summary,
  detail,
  attribute: attribute ? { steps: [{ attribute_name: attribute }] } : undefined,
});

export function createProvider(log: (line: string) => void) {
  let api: GenesysApi | undefined;

  const handlers: Record<string, (request: any) => Promise<object> | object> = {
    GetProviderSchema: () => ({
      provider: toProtoSchema(providerSchema),
      resource_schemas: { [TYPE]: toProtoSchema(resourceSchemas[TYPE]) },
      data_source_schemas: {
        [TYPE]: toProtoSchema(dataSourceSchemas[TYPE]),
        [ORG_TYPE]: toProtoSchema(dataSourceSchemas[ORG_TYPE]),
      },
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false, move_resource_state: false },
      diagnostics: [],
    }),

    ValidateProviderConfig: ({ config }) => {
      const region = (decodeValue(config) as Value | null)?.aws_region;
      const ok = typeof region !== "string" || REGIONS.includes(region.toLowerCase());
      return { diagnostics: ok ? [] : [error(`expected aws_region to be one of ${REGIONS.join(", ")}, got ${region}`, "", "aws_region")] };
    },

    ValidateResourceConfig: ({ config }) => ({ diagnostics: validateClient(decodeValue(config) as Value) }),
    ValidateDataResourceConfig: () => ({ diagnostics: [] }),

    // As setupGateway and the SDK: with a gateway, the login goes to PROTOCOL://HOST:PORT[/<login path>]/oauth/token and
    // the API to PROTOCOL://HOST:PORT[/<api path>]/api/v2/...; without one, to the public hosts, which a test never reaches.
    ConfigureProvider: async ({ config }) => {
      const [gateway] = ((decodeValue(config) as Value | null)?.gateway as Value[] | null) ?? [];
      if (!gateway) return { diagnostics: [error("This test provider talks only to the local Genesys Cloud emulator", "Configure the provider's gateway block.")] };
      const port = gateway.port && !["80", "443"].includes(String(gateway.port)) ? `:${gateway.port}` : "";
      const base = `${gateway.protocol}://${gateway.host}${port}`;
      const path = (name: string) => {
        const param = ((gateway.path_params as Value[] | null) ?? []).find((p) => p.path_name === name);
        return param ? `/${param.path_value}` : "";
      };
      const id = process.env.GENESYSCLOUD_OAUTHCLIENT_ID;
      const secret = process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET;
      if (!id || !secret) return { diagnostics: [error("Missing Genesys Cloud credentials", "Set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET.")] };
      api = new GenesysApi(base + path("login"), base + path("api"), log);
      try {
        await api.login(id, secret);
      } catch (e) {
        return { diagnostics: [error("Failed to authorize Genesys Cloud client credentials", (e as Error).message)] };
      }
      return { diagnostics: [] };
    },

    UpgradeResourceState: ({ raw_state }) => {
      const state = JSON.parse(Buffer.from(raw_state?.json ?? "null").toString("utf8") || "null");
      return { upgraded_state: encodeValue(block, state), diagnostics: [] };
    },

    PlanResourceChange: ({ prior_state, proposed_new_state, config }) => {
      const prior = decodeValue(prior_state) as Value | null;
      const proposed = decodeValue(proposed_new_state) as Value | null;
      const configured = (decodeValue(config) ?? {}) as Value;
      if (proposed === null) return { planned_state: encodeValue(block, null), requires_replace: [], diagnostics: [], ...LEGACY };
      const planned: Value = { ...proposed };
      for (const [name, value] of Object.entries(DEFAULTS)) if (configured[name] === null) planned[name] = value;
      if (prior === null) {
        for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
          if (attribute.computed && configured[name] === null) planned[name] = UNKNOWN;
        }
        planned.roles = ((planned.roles as Value[]) ?? []).map((r) => ({ ...r, division_id: r.division_id ?? UNKNOWN }));
      }
      return { planned_state: encodeValue(block, planned), requires_replace: [], diagnostics: [], ...LEGACY };
    },

    ApplyResourceChange: async ({ prior_state, planned_state }) => {
      const prior = decodeValue(prior_state) as Value | null;
      const planned = decodeValue(planned_state) as Value | null;
      try {
        if (planned === null) {
          // As the provider does: set the client inactive, then delete it.
          await client().update(prior!.id as string, { ...bodyOf(prior!), state: "inactive" });
          await client().remove(prior!.id as string);
          return { new_state: encodeValue(block, null), diagnostics: [], ...LEGACY };
        }
        if (prior === null) {
          const created = await client().create(bodyOf(planned));
          const state = stateOf(created, planned);
          state.client_id = created.id;
          state.client_secret = planned.expose_client_secret ? created.secret : null;
          return { new_state: encodeValue(block, known(state)), diagnostics: [], ...LEGACY };
        }
        const updated = await client().update(prior.id as string, bodyOf(planned));
        return { new_state: encodeValue(block, known(stateOf(updated, { ...planned, ...keepKnown(prior, planned) }))), diagnostics: [], ...LEGACY };
      } catch (e) {
        // Nothing is lost: a failed create leaves no resource, a failed update or delete keeps the prior state.
        return {
          new_state: encodeValue(block, prior),
          diagnostics: [apiError(e, planned === null ? "delete" : prior === null ? "create" : "update")],
          ...LEGACY,
        };
      }
    },

    ReadResource: async ({ current_state }) => {
      const current = decodeValue(current_state) as Value | null;
      if (current === null) return { new_state: encodeValue(block, null), diagnostics: [] };
      try {
        return { new_state: encodeValue(block, known(stateOf(await client().get(current.id as string), current))), diagnostics: [] };
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return { new_state: encodeValue(block, null), diagnostics: [] };
        return { new_state: encodeValue(block, current), diagnostics: [apiError(e, "read")] };
      }
    },

    // As ImportStatePassthroughContext: the id alone; ReadResource fills in the rest.
    ImportResourceState: ({ id }) => ({
      imported_resources: [{ type_name: TYPE, state: encodeValue(block, { id }), private: Buffer.alloc(0) }],
      diagnostics: [],
    }),

    ReadDataSource: async ({ type_name, config }) => {
      if (type_name === ORG_TYPE) return readOrganization();
      const { name } = decodeValue(config) as Value;
      try {
        const { entities } = await client().list();
        const found = entities.find((c) => c.name === name && c.state !== "deleted");
        if (!found) return { state: encodeValue(dataBlock, null), diagnostics: [error(`No oauth clients found with name ${name}`)] };
        return { state: encodeValue(dataBlock, { id: found.id, name }), diagnostics: [] };
      } catch (e) {
        return { state: encodeValue(dataBlock, null), diagnostics: [apiError(e, "read")] };
      }
    },

    StopProvider: () => ({ Error: "" }),
  };

  /** As dataSourceOrganizationsMeRead: GET /api/v2/organizations/me, every attribute from its answer. */
  async function readOrganization() {
    try {
      const org = await client().organization();
      return {
        state: encodeValue(orgBlock, {
          id: org.id,
          name: org.name,
          default_language: org.defaultLanguage ?? null,
          default_country_code: org.defaultCountryCode ?? null,
          domain: org.domain ?? null,
          default_site_id: org.defaultSiteId ?? null,
          third_party_org_name: org.thirdPartyOrgName ?? null,
          voicemail_enabled: org.voicemailEnabled ?? null,
          product_platform: org.productPlatform ?? null,
          support_uri: org.supportURI ?? null,
        }),
        diagnostics: [],
      };
    } catch (e) {
      return { state: encodeValue(orgBlock, null), diagnostics: [error("Failed to read the organization", (e as Error).message)] };
    }
  }

  function client(): GenesysApi {
    if (!api) throw new Error("the provider is not configured");
    return api;
  }

  return handlers;
}

/** The provider's validation of a resource configuration; unknown values are checked at apply. */
function validateClient(config: Value): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lifetime = config.access_token_validity_seconds;
  if (typeof lifetime === "number" && (lifetime < 300 || lifetime > 38880000)) {
    diagnostics.push(error(`expected access_token_validity_seconds to be in the range (300 - 38880000), got ${lifetime}`, "", "access_token_validity_seconds"));
  }
  const grant = config.authorized_grant_type;
  if (typeof grant === "string" && !GRANT_TYPES.includes(grant)) {
    diagnostics.push(error(`expected authorized_grant_type to be one of [${GRANT_TYPES.join(" ")}], got ${grant}`, "", "authorized_grant_type"));
  }
  const state = config.state;
  if (typeof state === "string" && !["active", "inactive"].includes(state)) {
    diagnostics.push(error(`expected state to be one of [active inactive], got ${state}`, "", "state"));
  }
  return diagnostics;
}

function bodyOf(v: Value): ApiClientBody {
  return {
    name: v.name as string,
    description: (v.description as string | null) ?? undefined,
    accessTokenValiditySeconds: v.access_token_validity_seconds as number,
    authorizedGrantType: v.authorized_grant_type as string,
    registeredRedirectUri: (v.registered_redirect_uris as string[] | null) ?? [],
    scope: (v.scopes as string[] | null) ?? [],
    roleDivisions: ((v.roles as Value[] | null) ?? []).map((r) => ({
      roleId: r.role_id as string,
      divisionId: isKnown(r.division_id) ? ((r.division_id as string | null) ?? undefined) : undefined,
    })),
    state: v.state as string,
  };
}

/** The state for an API client, over `base` (planned or prior): a set the configuration leaves out stays null. */
function stateOf(api: ApiClientBody, base: Value): Value {
  const set = (values: string[] | undefined, before: unknown) =>
    values && (values.length > 0 || Array.isArray(before)) ? [...values].sort() : null;
  return conform(block, {
    ...base,
    id: api.id,
    name: api.name,
    description: api.description || (base.description === "" ? "" : null),
    access_token_validity_seconds: api.accessTokenValiditySeconds,
    authorized_grant_type: api.authorizedGrantType,
    registered_redirect_uris: set(api.registeredRedirectUri, base.registered_redirect_uris),
    scopes: set(api.scope, base.scopes),
    roles: (api.roleDivisions ?? []).map((r) => ({ role_id: r.roleId, division_id: r.divisionId ?? "" })),
    state: api.state,
    expose_client_secret: isKnown(base.expose_client_secret) ? (base.expose_client_secret ?? false) : false,
  });
}

/** Prior values for what the plan left unknown. */
function keepKnown(prior: Value, planned: Value): Value {
  return Object.fromEntries(Object.entries(planned).filter(([, v]) => v === UNKNOWN).map(([k]) => [k, prior[k]]));
}

/** Whatever is still unknown after apply is null: Terraform accepts no unknown in a new state. */
function known(state: Value): Value {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v === UNKNOWN ? null : v]));
}

function apiError(e: unknown, action: string): Diagnostic {
  const detail = e instanceof Error ? e.message : String(e);
  return error(`Failed to ${action} OAuth client`, detail);
}

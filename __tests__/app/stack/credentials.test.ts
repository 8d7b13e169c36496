import {
  credentialsProblem,
  credentialVariables,
  deploymentEnvironment,
  refusedVariablesProblem,
  withoutCredentials,
} from "../../../lib/app/stack/credentials";

const base = { genesysCloud: { region: "us-east-1" } };
const eu = { genesysCloud: { region: "eu-central-1", credentials: "ACME_EU" } };
const env = {
  PATH: "/bin",
  AWS_PROFILE: "state",
  GENESYSCLOUD_OAUTHCLIENT_ID: "us-id",
  GENESYSCLOUD_OAUTHCLIENT_SECRET: "us-secret",
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: "eu-id",
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET: "eu-secret",
  ACME_TEST_GENESYSCLOUD_ACCESS_TOKEN: "test-token",
};

describe("credentials per deployment", () => {
  it("names the variables: unprefixed without genesysCloud.credentials, prefixed with it", () => {
    expect(credentialVariables(base)).toEqual({
      clientId: "GENESYSCLOUD_OAUTHCLIENT_ID",
      clientSecret: "GENESYSCLOUD_OAUTHCLIENT_SECRET",
      accessToken: "GENESYSCLOUD_ACCESS_TOKEN",
    });
    expect(credentialVariables(eu).clientSecret).toBe("ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET");
  });

  it("gives a prefixed deployment its own credentials under the provider's names, and no other org's", () => {
    const result = deploymentEnvironment(eu, env);
    expect(result).toEqual({
      PATH: "/bin",
      AWS_PROFILE: "state",
      GENESYSCLOUD_OAUTHCLIENT_ID: "eu-id",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "eu-secret",
    });
  });

  it("gives an unprefixed deployment the unprefixed credentials only", () => {
    expect(deploymentEnvironment(base, env)).toEqual({
      PATH: "/bin",
      AWS_PROFILE: "state",
      GENESYSCLOUD_OAUTHCLIENT_ID: "us-id",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "us-secret",
    });
  });

  it("a deployment whose prefix holds nothing gets no credentials at all, not another org's", () => {
    expect(deploymentEnvironment({ genesysCloud: { region: "us-east-1", credentials: "NOBODY" } }, env)).toEqual({
      PATH: "/bin",
      AWS_PROFILE: "state",
    });
  });

  it("withoutCredentials keeps the backend's variables and drops every Genesys credential", () => {
    expect(withoutCredentials(env)).toEqual({ PATH: "/bin", AWS_PROFILE: "state" });
  });

  describe("an empty or blank (white space only) variable counts as unset", () => {
    it.each([
      [
        { GENESYSCLOUD_OAUTHCLIENT_ID: "", GENESYSCLOUD_OAUTHCLIENT_SECRET: "" },
        "none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set",
      ],
      [
        { GENESYSCLOUD_OAUTHCLIENT_ID: "id", GENESYSCLOUD_OAUTHCLIENT_SECRET: " " },
        "GENESYSCLOUD_OAUTHCLIENT_ID is set but GENESYSCLOUD_OAUTHCLIENT_SECRET is not: a client id without its secret (GENESYSCLOUD_OAUTHCLIENT_SECRET holds only white space)",
      ],
      [
        { GENESYSCLOUD_OAUTHCLIENT_ID: " ", GENESYSCLOUD_OAUTHCLIENT_SECRET: " ", GENESYSCLOUD_ACCESS_TOKEN: "\t" },
        "none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set (GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_ACCESS_TOKEN hold only white space)",
      ],
    ])("%j", (variables, problem) => {
      expect(credentialsProblem(base, variables)).toBe(problem);
    });

    it("and is not handed to the provider", () => {
      expect(deploymentEnvironment(base, { PATH: "/bin", GENESYSCLOUD_ACCESS_TOKEN: " ", GENESYSCLOUD_OAUTHCLIENT_ID: "id" })).toEqual({
        PATH: "/bin",
        GENESYSCLOUD_OAUTHCLIENT_ID: "id",
      });
    });
  });
});

describe("the provider's other GENESYSCLOUD_* variables", () => {
  const stray = {
    PATH: "/bin",
    GENESYSCLOUD_OAUTHCLIENT_ID: "id",
    GENESYSCLOUD_OAUTHCLIENT_SECRET: "secret",
    GENESYSCLOUD_REGION: "eu-west-1",
    GENESYSCLOUD_GATEWAY_HOST: "collector.evil.example",
    GENESYSCLOUD_GATEWAY_PORT: "443",
    GENESYSCLOUD_GATEWAY_PROTOCOL: "https",
    GENESYSCLOUD_GATEWAY_PATH_NAME: "login",
    GENESYSCLOUD_GATEWAY_PATH_VALUE: "steal",
    GENESYSCLOUD_GATEWAY_AUTH_USERNAME: "u",
    GENESYSCLOUD_PROXY_HOST: "proxy.evil.example",
    GENESYSCLOUD_TOKEN_POOL_SIZE: "20",
    GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT: "30s",
    GENESYSCLOUD_LOG_STACK_TRACES: "true",
  };

  it("what the deployments file decides (region, gateway, proxy, token pool) is removed; timeouts and stack traces stay", () => {
    expect(deploymentEnvironment(base, stray)).toEqual({
      PATH: "/bin",
      GENESYSCLOUD_OAUTHCLIENT_ID: "id",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "secret",
      GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT: "30s",
      GENESYSCLOUD_LOG_STACK_TRACES: "true",
    });
  });

  it.each(["true", "1", "T", "TRUE"])("GENESYSCLOUD_SDK_DEBUG=%s is refused: it would log tokens to a file", (value) => {
    expect(refusedVariablesProblem({ GENESYSCLOUD_SDK_DEBUG: value })).toBe(
      `GENESYSCLOUD_SDK_DEBUG is ${JSON.stringify(value)}: the provider would write every Genesys Cloud API request and answer, access tokens included, to sdk_debug.log in the stack folder. Unset it; to debug, run terraform in the stack's folder yourself.`,
    );
  });

  it.each(["false", "0", "", undefined])("GENESYSCLOUD_SDK_DEBUG=%s is not", (value) => {
    expect(refusedVariablesProblem({ GENESYSCLOUD_SDK_DEBUG: value })).toBeUndefined();
  });
});

describe("withPipelineCredentials: a GitHub environment's unprefixed secrets are its deployment's", () => {
  const { withPipelineCredentials } = require("../../../lib/app/stack/credentials");
  const deployments = [
    { name: "eu", genesysCloud: { region: "eu-west-1", credentials: "ACME_EU" } },
    { name: "us", genesysCloud: { region: "us-east-1" } },
  ];
  const secrets = { GENESYSCLOUD_OAUTHCLIENT_ID: "id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "secret" };

  it("copies them to the named deployment's prefixed variables, which its runs read", () => {
    const { env } = withPipelineCredentials({ ...secrets, SCV_CREDENTIALS_DEPLOYMENT: "eu" }, deployments);
    expect(env).toMatchObject({ ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: "id", ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET: "secret" });
    expect(env.ACME_EU_GENESYSCLOUD_ACCESS_TOKEN).toBeUndefined();
  });

  it("keeps prefixed variables already set, changes nothing for a deployment without a prefix or without the variable", () => {
    const given = { ...secrets, ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: "mine", SCV_CREDENTIALS_DEPLOYMENT: "eu" };
    expect(withPipelineCredentials(given, deployments).env.ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID).toBe("mine");
    expect(withPipelineCredentials({ ...secrets, SCV_CREDENTIALS_DEPLOYMENT: "us" }, deployments).env).toEqual({
      ...secrets,
      SCV_CREDENTIALS_DEPLOYMENT: "us",
    });
    expect(withPipelineCredentials(secrets, deployments).env).toEqual(secrets);
  });
});

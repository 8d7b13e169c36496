import {
  credentialsDeploymentProblem,
  credentialsProblem,
  resolveCredentials,
  credentialVariables,
  deploymentEnvironment,
  refusedVariablesProblem,
  withoutCredentials,
} from "../../../lib/app/stack/credentials";

const base = { name: "us", genesysCloud: { region: "us-east-1" } };
const eu = { name: "eu", genesysCloud: { region: "eu-central-1", credentials: "ACME_EU" } };
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
    expect(deploymentEnvironment({ name: "nobody", genesysCloud: { region: "us-east-1", credentials: "NOBODY" } }, env)).toEqual({
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

    it("and is not handed to the provider, nor is the half of a pair", () => {
      expect(deploymentEnvironment(base, { PATH: "/bin", GENESYSCLOUD_ACCESS_TOKEN: " ", GENESYSCLOUD_OAUTHCLIENT_ID: "id" })).toEqual({
        PATH: "/bin",
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

describe("credentials scoped by SCV_CREDENTIALS_DEPLOYMENT: one deployment's credentials never serve another", () => {
  const deployments = [
    { name: "eu", genesysCloud: { region: "eu-west-1", credentials: "ACME_EU" } },
    { name: "us", genesysCloud: { region: "us-east-1" } },
    { name: "ca", genesysCloud: { region: "ca-central-1" } },
    { name: "ap", genesysCloud: { region: "ap-south-1", credentials: "ACME_AP" } },
  ];
  const [euD, usD, caD, apD] = deployments;
  // A pipeline job's GitHub environment: one deployment's secrets under the unprefixed names.
  const secrets = { PATH: "/bin", GENESYSCLOUD_OAUTHCLIENT_ID: "job-id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "job-secret" };
  const own = (values: object) => ({ PATH: "/bin", ...values });

  it("the named deployment reads the unprefixed variables, whatever its prefix", () => {
    for (const named of [euD, usD]) {
      const env = { ...secrets, SCV_CREDENTIALS_DEPLOYMENT: named.name };
      expect(resolveCredentials(named, env)).toMatchObject({ values: { clientId: "job-id", clientSecret: "job-secret" } });
      expect(deploymentEnvironment(named, env)).toEqual(
        own({ GENESYSCLOUD_OAUTHCLIENT_ID: "job-id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "job-secret" }),
      );
    }
  });

  it("no other deployment reads them: without a prefix, or with nothing under its prefix, it is refused in words", () => {
    const env = { ...secrets, SCV_CREDENTIALS_DEPLOYMENT: "eu" };
    for (const other of [usD, caD]) {
      expect(resolveCredentials(other, env)).toEqual({ kind: "scoped", deployment: other.name, named: "eu" });
      expect(credentialsProblem(other, env)).toBe(
        `no credentials for deployment ${other.name}: SCV_CREDENTIALS_DEPLOYMENT names eu, whose credentials the unprefixed GENESYSCLOUD_* variables hold, and they serve no other deployment; give it credentials of its own (genesysCloud.credentials, a prefix for its variables), or run it in a job of its own`,
      );
      expect(deploymentEnvironment(other, env)).toEqual(own({}));
    }
    expect(credentialsProblem(apD, env)).toMatch(
      /^no credentials for deployment ap: SCV_CREDENTIALS_DEPLOYMENT names eu, .*; set ACME_AP_GENESYSCLOUD_OAUTHCLIENT_ID with ACME_AP_GENESYSCLOUD_OAUTHCLIENT_SECRET \(or ACME_AP_GENESYSCLOUD_ACCESS_TOKEN\) for it, or run it in a job of its own$/,
    );
    expect(deploymentEnvironment(apD, env)).toEqual(own({}));
  });

  it("another deployment with credentials under its own prefix keeps them, and only them", () => {
    const env = { ...secrets, SCV_CREDENTIALS_DEPLOYMENT: "us", ACME_AP_GENESYSCLOUD_ACCESS_TOKEN: "ap-token" };
    expect(deploymentEnvironment(apD, env)).toEqual(own({ GENESYSCLOUD_ACCESS_TOKEN: "ap-token" }));
    expect(deploymentEnvironment(usD, env)).toEqual(
      own({ GENESYSCLOUD_OAUTHCLIENT_ID: "job-id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "job-secret" }),
    );
  });

  it("the named deployment's own prefixed variables, where any is set, come first, whole: never half from each", () => {
    const env = { ...secrets, SCV_CREDENTIALS_DEPLOYMENT: "eu", ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: "mine" };
    expect(credentialsProblem(euD, env)).toBe(
      "ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID is set but ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET is not: a client id without its secret",
    );
    expect(deploymentEnvironment(euD, env)).toEqual(own({}));
  });

  it("the variable itself never reaches a deployment's run", () => {
    expect(deploymentEnvironment(usD, { ...secrets, SCV_CREDENTIALS_DEPLOYMENT: "us" })).not.toHaveProperty("SCV_CREDENTIALS_DEPLOYMENT");
  });

  it("without it, each deployment reads its own variables, as on a person's machine", () => {
    expect(deploymentEnvironment(caD, secrets)).toEqual(
      own({ GENESYSCLOUD_OAUTHCLIENT_ID: "job-id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "job-secret" }),
    );
    expect(credentialsProblem(euD, secrets)).toMatch(/^none of ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID/);
  });

  it("a name the deployments file does not have is one message", () => {
    expect(credentialsDeploymentProblem({ SCV_CREDENTIALS_DEPLOYMENT: "xx" }, deployments)).toBe(
      'SCV_CREDENTIALS_DEPLOYMENT is "xx", which names no deployment of the deployments file; allowed: eu, us, ca, ap',
    );
    expect(credentialsDeploymentProblem({ SCV_CREDENTIALS_DEPLOYMENT: "eu" }, deployments)).toBeUndefined();
    expect(credentialsDeploymentProblem({}, deployments)).toBeUndefined();
  });
});

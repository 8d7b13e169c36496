/**
 * Which client is a deployment's (lib/app/genesys/client-identity.ts): the candidates adopt may offer, and the deploy guard's
 * decisions as a case table, against plain data and a scripted API on 127.0.0.1 (no Terraform, no Go).
 */
import { IncomingMessage } from "http";
import {
  clientIdentityStop,
  clientsOfOrg,
  GuardContext,
  grantInWords,
  identityMessage,
  mayShareOrg,
  ownersOf,
  ownersOfOrgClients,
} from "../../../lib/app/genesys/client-identity";

import { Deployment } from "../../../lib/app/deployments/deployments";
import { ApiOAuthClient } from "../../../lib/app/genesys/api";
import { StateReading } from "../../../lib/app/state/read-states";
import { SEED_ARTICLE_SCOPES } from "../../support/seed-article";
import { Answer, scriptedApi, silentApi, TOKEN_ENV } from "../../support/scripted-api";

const client = (id: string, uris: string[], extra: Partial<ApiOAuthClient> = {}): ApiOAuthClient => ({
  id,
  name: `SCV ${id}`,
  authorizedGrantType: "TOKEN",
  registeredRedirectUri: uris,
  scope: SEED_ARTICLE_SCOPES,
  ...extra,
});
const home = (host: string) => `https://${host}/lightning/page/home`;

/** The guard's stop, rendered as a deploy says it. */
const clientIdentityProblem = async (deployment: Deployment, context: GuardContext) => {
  const stop = await clientIdentityStop(deployment, context);
  return stop && identityMessage(stop);
};

describe("clientsOfOrg", () => {
  const production = client("p", [home("acme.lightning.force.com")]);
  const legacySandbox = client("s", [home("acme--uat.lightning.force.com")]);
  const other = client("o", [home("globex.lightning.force.com")], { scope: ["conversations"] });

  it("a sandbox's candidates: its clients on any of its hosts; production's client only listed as off its hosts", () => {
    const found = clientsOfOrg("acme--uat.sandbox.lightning.force.com", [production, legacySandbox, other], new Map());
    expect([found.candidates, found.owned, found.offHost]).toEqual([[legacySandbox], [], [production]]);
  });

  it("production's candidates are never the sandbox's, whatever the case, trailing dot or port of its URI", () => {
    const spelled = client("p2", ["https://ACME.Lightning.Force.com.:443/lightning/page/home"]);
    const found = clientsOfOrg("acme.lightning.force.com", [legacySandbox, spelled], new Map());
    expect(found.candidates).toEqual([spelled]);
    expect(found.offHost).toEqual([legacySandbox]);
  });

  it("a client another deployment adopts or holds in its state is that one's, never a candidate", () => {
    const states = new Map<string, StateReading>([["prod-eu", { outputs: { clientId: "S", redirectUris: [] } }]]);
    const all = [
      { name: "uat", oauthClient: {} },
      { name: "prod-eu", oauthClient: {} },
      { name: "prod-us", oauthClient: { importClientId: "p" } },
    ] as Deployment[];
    const found = clientsOfOrg(
      "acme.lightning.force.com",
      [production, client("s", [home("acme.lightning.force.com")])],
      ownersOf(all, states, "uat"),
    );
    expect(found.candidates).toEqual([]);
    expect(found.owned.map((o) => [o.client.id, o.owner, o.how])).toEqual([
      ["p", "prod-us", "its importClientId"],
      ["s", "prod-eu", "its state"],
    ]);
  });

  it("a client on production's and the sandbox's hosts is shared, never a candidate, unless the deployment keeps the other URI", () => {
    const both = client("b", [home("acme.lightning.force.com"), home("acme--uat.sandbox.lightning.force.com"), "https://evil.example/cb"]);
    const found = clientsOfOrg("acme.lightning.force.com", [both], new Map());
    expect([found.candidates, found.shared]).toEqual([[], [{ client: both, otherUris: [home("acme--uat.sandbox.lightning.force.com")] }]]);
    const keeping = clientsOfOrg("acme.lightning.force.com", [both], new Map(), [home("ACME--UAT.sandbox.lightning.force.com")]);
    expect([keeping.candidates, keeping.shared]).toEqual([[both], []]);
  });

  it("names grants in the deployments file's words", () => {
    expect([grantInWords("TOKEN"), grantInWords("CODE"), grantInWords("CLIENT-CREDENTIALS")]).toEqual([
      "implicit",
      "authorization-code",
      "other (CLIENT-CREDENTIALS)",
    ]);
  });
});

describe("the deploy guard (clientIdentityStop, as a deploy says it), case by case", () => {
  const A = "5b0c2d4e-0000-4000-8000-00000000000a";
  const B = "5b0c2d4e-0000-4000-8000-00000000000b";
  type Case = {
    salesforce?: Deployment["salesforce"];
    deployment?: Partial<Deployment>;
    others?: Partial<Deployment>[];
    state?: StateReading;
    clients?: ApiOAuthClient[];
    answer?: (req: IncomingMessage) => Answer;
    expected: RegExp | undefined;
    asks: boolean;
  };
  const list = (clients: ApiOAuthClient[]) => () => ({ body: { entities: clients, total: clients.length, pageCount: 1, pageSize: 100 } });
  const uat = { myDomain: "acme", sandbox: "uat" };
  const cases: [string, Case][] = [
    ["no client anywhere: a create may go on", { clients: [], expected: undefined, asks: true }],
    [
      "the state holds its client: nothing to ask",
      { state: { outputs: { clientId: A, redirectUris: [] } }, expected: undefined, asks: false },
    ],
    [
      "importClientId names another client than the state holds",
      {
        deployment: { oauthClient: { importClientId: B } },
        state: { outputs: { clientId: A, redirectUris: [] } },
        expected: new RegExp(`^production: its state holds client ${A}, but oauthClient.importClientId names client ${B}`),
        asks: false,
      },
    ],
    [
      "an unreadable state stops it",
      {
        state: { problem: "could not read its state:\nAccess Denied" },
        expected: /^production: could not read its state:\nAccess Denied\n {2}\(whether a deploy would create a second client/,
        asks: false,
      },
    ],
    [
      "a client on its production host stops it",
      {
        clients: [client(A, [home("acme.lightning.force.com")])],
        expected:
          /the org already has a client for Salesforce org acme \(a redirect URI on one of its hosts\)[^]*Adopt it: npx genesys-scv-oauth-client adopt production --write/,
        asks: true,
      },
    ],
    [
      "a client on the sandbox's legacy host stops the sandbox",
      {
        salesforce: uat,
        clients: [client(A, [home("acme--uat.lightning.force.com")])],
        expected: /a client for Salesforce org acme \(sandbox uat\)/,
        asks: true,
      },
    ],
    [
      "a client on its host with a trailing dot stops it",
      { clients: [client(A, ["https://acme.lightning.force.com./lightning/page/home"])], expected: /already has a client/, asks: true },
    ],
    [
      "production's client does not stop the sandbox",
      { salesforce: uat, clients: [client(A, [home("acme.lightning.force.com")])], expected: undefined, asks: true },
    ],
    [
      "allowSecondClient lets it create one",
      {
        deployment: { allowSecondClient: true },
        clients: [client(A, [home("acme.lightning.force.com")])],
        expected: undefined,
        asks: false,
      },
    ],
    ["an importClientId: an import, no create", { deployment: { oauthClient: { importClientId: A } }, expected: undefined, asks: false }],
    [
      "a client another deployment adopts, on its hosts, stops it and names that deployment",
      {
        others: [{ name: "legacy", salesforce: { lightningHost: "acme.my-lightning.com" }, oauthClient: { importClientId: A } }],
        clients: [client(A, [home("acme.my-lightning.com")])],
        expected: /- client .*: deployment "legacy"'s \(its importClientId\)\n {2}Another deployment of the file manages it/,
        asks: true,
      },
    ],
    [
      "an unreadable answer stops it",
      {
        answer: () => ({ body: { entities: [{ id: 7 }], total: 1 } }),
        expected: /is not the list it documents[^]*cannot be told: nothing was run/,
        asks: true,
      },
    ],
    [
      "a total that lies low, with the org's client on the next page, stops it",
      {
        answer: (req) => ({
          body: /pageNumber=1\b/.test(req.url ?? "")
            ? { entities: [client(B, [home("globex.lightning.force.com")])], total: 0, pageSize: 1 }
            : { entities: [client(A, [home("acme.lightning.force.com")])], total: 0, pageSize: 1 },
        }),
        expected: /more than its own total of 0[^]*cannot be told: nothing was run/,
        asks: true,
      },
    ],
    [
      "a redirect stops it",
      {
        answer: () => ({ status: 307, headers: { location: "http://127.0.0.2/" } }),
        expected: /with a redirect \(307 to http:\/\/127\.0\.0\.2\/\): not followed/,
        asks: true,
      },
    ],
    [
      "a 500 after the retries stops it",
      {
        answer: () => ({ status: 500, body: { message: "down" } }),
        expected: /with 500 - down, 5 times in a row\n {2}\(whether a deploy would create/,
        asks: true,
      },
    ],
  ];

  it.each(cases)("%s", async (_, c) => {
    const api = await scriptedApi(c.answer ?? list(c.clients ?? []), c.salesforce);
    const deployment = { ...api.deployment, ...c.deployment } as Deployment;
    const others = (c.others ?? []).map((o) => ({ ...api.deployment, ...o }) as Deployment);
    const states = new Map([[deployment.name, c.state]]);
    const problem = await clientIdentityProblem(deployment, {
      all: [deployment, ...others],
      states,
      env: TOKEN_ENV,
      api: { sleep: async () => {} },
    });
    await api.close();
    if (c.expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(c.expected);
    expect(api.requests.length > 0).toBe(c.asks);
  });

  it("an API that never answers stops it within the deadline", async () => {
    const api = await silentApi();
    const started = Date.now();
    const problem = await clientIdentityProblem(api.deployment, {
      all: [api.deployment],
      states: new Map(),
      env: { ...TOKEN_ENV, SCV_GENESYS_API_TIMEOUT: "0.2" },
    });
    await api.close();
    expect(problem).toMatch(
      /did not answer GET .* within 0\.2 s: stopped[^]*\n {2}\(whether a deploy would create a second client for this Salesforce org cannot be told: nothing was run\)$/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a client's name from the org is shown escaped, each line apart", async () => {
    const api = await scriptedApi(list([client(A, [home("acme.lightning.force.com")], { name: "SCV\n::error::x\u202e" })]));
    const problem = await clientIdentityProblem(api.deployment, { all: [api.deployment], states: new Map(), env: TOKEN_ENV });
    await api.close();
    expect(problem).toContain(`  - client ${A} "SCV\\n::error::x\\u202e", grant implicit`);
    expect(problem!.split("\n").filter((line) => /^\s*::/.test(line))).toEqual([]);
  });
});

describe("whose a client is costs the other deployments' states only where the org has a client on the Salesforce org", () => {
  const at = (name: string, genesysCloud: Partial<Deployment["genesysCloud"]> = {}) =>
    ({ name, genesysCloud: { region: "us-east-1", ...genesysCloud }, salesforce: { myDomain: name } }) as Deployment;
  const ORG_A = "7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
  const ORG_B = "8e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

  it.each([
    [
      "both declare the same organizationId (any case)",
      at("a", { organizationId: ORG_A }),
      at("b", { organizationId: ORG_A.toUpperCase() }),
      true,
    ],
    ["both declare organizationIds that differ", at("a", { organizationId: ORG_A }), at("b", { organizationId: ORG_B }), false],
    ["one declares none, same region", at("a", { organizationId: ORG_A }), at("b"), true],
    ["neither declares one, regions differ, no gateway", at("a"), at("b", { region: "eu-west-1" }), false],
    [
      "regions differ, but one reaches its org through a gateway",
      at("a"),
      at("b", { region: "eu-west-1", gateway: { host: "gw.example", port: 443, protocol: "https" } }),
      true,
    ],
    [
      "organizationIds differ, in one region",
      at("a", { organizationId: ORG_A }),
      at("b", { organizationId: ORG_B, region: "us-east-1" }),
      false,
    ],
  ])("mayShareOrg: %s", (_, a, b, may) => {
    expect([mayShareOrg(a, b), mayShareOrg(b, a)]).toEqual([may, may]);
  });

  const first = at("first", { organizationId: ORG_A });
  const sameOrg = at("same", { organizationId: ORG_A });
  const otherOrg = at("other", { organizationId: ORG_B });
  const unknownOrg = at("unknown");
  const all = [first, sameOrg, otherOrg, unknownOrg];
  const host = "first.lightning.force.com";

  /** ownersOfOrgClients with a reader that records what it was asked, and holds `held` in "same"'s state. */
  async function owners(clients: ApiOAuthClient[], held = "c1") {
    const asked: string[][] = [];
    const moreStates = async (ds: readonly Deployment[]) => {
      asked.push(ds.map((d) => d.name));
      return new Map<string, StateReading>(
        ds.map((d) => [d.name, { outputs: { clientId: d.name === "same" ? held : undefined, redirectUris: [] } }]),
      );
    };
    const states = new Map<string, StateReading>([["first", { outputs: { redirectUris: [] } }]]);
    const found = await ownersOfOrgClients(first, host, clients, { all, states, moreStates });
    return { asked, owners: Object.fromEntries([...found].map(([id, o]) => [id, o.deployment])) };
  }

  it("no client on the Salesforce org's hosts: no other state is read", async () => {
    expect(await owners([client("c9", [home("globex.lightning.force.com")])])).toEqual({ asked: [], owners: {} });
  });

  it("a client on its hosts: the states of the deployments that may share the org are read, at once, and tell its owner", async () => {
    expect(await owners([client("c1", [home(host)])])).toEqual({ asked: [["same", "unknown"]], owners: { c1: "same" } });
  });

  it("an importClientId tells an owner with no state read where no client is on the hosts", async () => {
    const adopted = { ...otherOrg, oauthClient: { importClientId: "c7" } } as Deployment;
    const states = new Map<string, StateReading>();
    const moreStates = jest.fn();
    const found = await ownersOfOrgClients(first, host, [], { all: [first, adopted], states, moreStates });
    expect([[...found.keys()], moreStates.mock.calls.length]).toEqual([["c7"], 0]);
  });
});

describe("the guard's stop is data: its kind, the deployment, the clients, the evidence; rendered once", () => {
  const A = "5b0c2d4e-0000-4000-8000-00000000000a";
  const B = "5b0c2d4e-0000-4000-8000-00000000000b";

  it("a second client: the clients found, whether one may be adopted", async () => {
    const found = client(A, [home("acme.lightning.force.com")]);
    const api = await scriptedApi(() => ({ body: { entities: [found], total: 1, pageCount: 1, pageSize: 100 } }));
    const stop = await clientIdentityStop(api.deployment, { all: [api.deployment], states: new Map(), env: TOKEN_ENV });
    await api.close();
    expect(stop).toEqual({
      kind: "second-client",
      deployment: "production",
      lightningHost: "acme.lightning.force.com",
      clients: [{ client: found }],
      adoptable: true,
    });
  });

  it("a state that cannot be read: cannot-tell, with the state's problem as the evidence, and nothing asked", async () => {
    const api = await scriptedApi(() => ({ body: {} }));
    const states = new Map<string, StateReading>([["production", { problem: "could not read its state" }]]);
    const stop = await clientIdentityStop(api.deployment, { all: [api.deployment], states, env: TOKEN_ENV });
    await api.close();
    expect(stop).toEqual({ kind: "cannot-tell", deployment: "production", why: "could not read its state", named: false });
    expect(api.requests).toEqual([]);
  });

  it("an importClientId the state contradicts: both ids; said beside output's lines without the deploy's 'Nothing was run.'", async () => {
    const api = await scriptedApi(() => ({ body: {} }));
    const deployment = { ...api.deployment, oauthClient: { importClientId: B } } as Deployment;
    const states = new Map<string, StateReading>([["production", { outputs: { clientId: A, redirectUris: [] } }]]);
    const stop = await clientIdentityStop(deployment, { all: [deployment], states, env: TOKEN_ENV });
    await api.close();
    expect(stop).toEqual({ kind: "import-contradicted", deployment: "production", held: A, named: B });
    expect(identityMessage(stop!)).toContain(`so it would go on managing ${A}. Nothing was run.\n`);
    expect(identityMessage(stop!, { stopped: false })).toContain(`so it would go on managing ${A}.\n`);
  });
});

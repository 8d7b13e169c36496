/** npm run adopt's parts: which clients are candidates, what adoption would change, and writing the id in place. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { adoptCommand, describeClient, plannedChanges } from "../../../lib/app/commands/adopt";
import { runCommand } from "../../../lib/shared/command-declaration";
import { grantInWords } from "../../../lib/app/genesys/client-identity";
import { ApiOAuthClient } from "../../../lib/app/genesys/api";
import { StateReading } from "../../../lib/app/state/read-states";
import { resolveOAuthClientSettings } from "../../../lib/construct/internal";
import { tempDir } from "../../support/temp-dir";
import { SEED_ARTICLE_SCOPES } from "../../support/seed-article";
import { capturedIo } from "../../support/captured-io";
import { scriptedApi, TOKEN_ENV } from "../../support/scripted-api";

const byHand = (extra: Partial<ApiOAuthClient> = {}): ApiOAuthClient => ({
  id: "5b0c2d4e-0000-4000-8000-000000000001",
  name: "Salesforce SCV",
  accessTokenValiditySeconds: 86400,
  authorizedGrantType: "TOKEN",
  registeredRedirectUri: ["https://ACME.lightning.force.com/lightning/page/home"],
  scope: SEED_ARTICLE_SCOPES,
  state: "active",
  dateCreated: "2024-05-01T09:00:00Z",
  ...extra,
});

describe("what adoption would change", () => {
  const settings = resolveOAuthClientSettings({ myDomain: "acme" });

  it("field by field: the name and description, typically; the implicit grant kept", () => {
    expect(plannedChanges(settings, byHand())).toEqual([
      'name: "Salesforce SCV" → "Salesforce Service Cloud Voice (acme.lightning.force.com)"',
      `description: (none) → ${JSON.stringify(settings.description)}`,
      'redirect URIs: + "https://acme.lightning.force.com/lightning/page/home", − "https://ACME.lightning.force.com/lightning/page/home"',
    ]);
  });

  it("names grants in the deployments file's words", () => {
    expect([grantInWords("TOKEN"), grantInWords("CODE"), grantInWords("CLIENT-CREDENTIALS")]).toEqual([
      "implicit",
      "authorization-code",
      "other (CLIENT-CREDENTIALS)",
    ]);
  });

  it("shows a candidate without any secret, hidden characters escaped", () => {
    const shown = describeClient({ ...byHand({ name: "SCV\u202e" }), secret: "s3cr3t" } as ApiOAuthClient, settings).join("\n");
    expect(shown).toContain('client 5b0c2d4e-0000-4000-8000-000000000001 "SCV\\u202e"');
    expect(shown).toContain("grant: implicit · token lifetime: 86400 s · state: active · created: 2024-05-01T09:00:00Z");
    expect(shown).not.toContain("s3cr3t");
  });
});

describe("adoptCommand's arguments, refused before any request", () => {
  const run = async (argv: string[]) => {
    const file = join(tempDir("adopt-args-"), "deployments.json");
    writeFileSync(
      file,
      JSON.stringify({ deployments: [{ name: "production", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }] }),
    );
    const captured = capturedIo();
    const code = await runCommand(adoptCommand, argv, { DEPLOYMENTS_FILE: file }, captured.io);
    return { code, err: captured.err() };
  };

  it.each([
    [
      ["production", "--note", "x.json"],
      "adopt: --note: given --note without --guard; allowed: --note <file> with --guard, which writes what it found there\n",
    ],
    [
      ["production", "--client-id", "nope"],
      'adopt: --client-id: given "nope"; allowed: a Genesys Cloud OAuth client id: a GUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n',
    ],
    [
      [],
      "adopt: <deployment name or pattern>: given nothing; allowed: one or more deployment names or patterns ('*' for all; npx genesys-scv-oauth-client deployments lists them)\n",
    ],
    // These made a stack trace after the requests (ENOENT, EISDIR from writeFileSync).
    [
      ["production", "--guard", "--note", ""],
      'adopt: --note: given "" (an empty path); allowed: a file, or a new one in an existing folder, which --guard writes what it found to\n',
    ],
    [
      ["production", "--guard", "--note", "/"],
      'adopt: --note: given "/" (a folder); allowed: a file, or a new one in an existing folder, which --guard writes what it found to\n',
    ],
    [
      ["production", "--guard", "--note", "/nonexistent-folder/x.note.json"],
      'adopt: --note: given "/nonexistent-folder/x.note.json" (its folder /nonexistent-folder does not exist); allowed: a file, or a new one in an existing folder, which --guard writes what it found to\n',
    ],
  ])("%j", async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 1, err: message });
  });
});

describe("adoptCommand against a scripted API: never another org's client", () => {
  const PRODUCTION_CLIENT = "5b0c2d4e-0000-4000-8000-0000000000a1";
  const listOf = (clients: ApiOAuthClient[]) => () => ({ body: { entities: clients, total: clients.length, pageCount: 1, pageSize: 100 } });
  const noStates = (deployments: readonly { name: string }[]) =>
    Promise.resolve(new Map<string, StateReading>(deployments.map((d) => [d.name, { outputs: { redirectUris: [] } }])));

  async function adopt(clients: ApiOAuthClient[], argv: string[], deployments: object[], states = noStates) {
    const api = await scriptedApi(listOf(clients));
    const gateway = api.deployment.genesysCloud;
    const file = join(tempDir("adopt-cmd-"), "deployments.json");
    const text = JSON.stringify({ deployments: deployments.map((d) => ({ genesysCloud: gateway, ...d })) }, null, 2);
    writeFileSync(file, text);
    const captured = capturedIo();
    const code = await runCommand(adoptCommand, argv, { ...TOKEN_ENV, DEPLOYMENTS_FILE: file }, captured.io, {
      api: { sleep: async () => {} },
      readStates: states,
    });
    await api.close();
    return { code, out: captured.out(), err: captured.err(), unchanged: readFileSync(file, "utf8") === text };
  }

  it("a sandbox on an org holding only production's client: exit 3, production's listed as not chosen, nothing written", async () => {
    const production = byHand({ id: PRODUCTION_CLIENT });
    const run = await adopt([production], ["uat", "--write"], [{ name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" } }]);
    expect(run.code).toBe(3);
    expect(run.unchanged).toBe(true);
    expect(run.out).toBe(
      [
        "uat (acme--uat.sandbox.lightning.force.com): no candidate for Salesforce org acme (sandbox uat) (a redirect URI on one of its hosts)",
        `  not chosen: client ${PRODUCTION_CLIENT} "Salesforce SCV" has the article's seven scopes, but none of its redirect URIs is on a host of Salesforce org acme (sandbox uat) (its redirect URIs: https://ACME.lightning.force.com/lightning/page/home)`,
        "  nothing written: no client of the org is this Salesforce org's alone. If one above is this org's after all, add its Lightning host's redirect URI to it in Genesys Cloud, then run npx genesys-scv-oauth-client adopt uat again; else a deploy creates a new client for this org",
        "",
      ].join("\n"),
    );
  });

  it("--client-id cannot pick a client off the org's hosts", async () => {
    const run = await adopt(
      [byHand({ id: PRODUCTION_CLIENT })],
      ["uat", "--write", "--client-id", PRODUCTION_CLIENT],
      [{ name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" } }],
    );
    expect([run.code, run.unchanged]).toEqual([1, true]);
    expect(run.err).toContain(
      `adopt: --client-id: given "${PRODUCTION_CLIENT}"; allowed: the id of one of uat's candidates above (a client with a redirect URI on a host of Salesforce org acme (sandbox uat), which no other deployment has)`,
    );
  });

  it("the sandbox's client on its legacy host is its one candidate, and written", async () => {
    const sandbox = byHand({
      id: "5b0c2d4e-0000-4000-8000-0000000000b2",
      registeredRedirectUri: ["https://acme--uat.lightning.force.com/lightning/page/home"],
    });
    const run = await adopt(
      [byHand({ id: PRODUCTION_CLIENT }), sandbox],
      ["uat", "--write"],
      [{ name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" } }],
    );
    expect([run.code, run.unchanged]).toEqual([0, false]);
    expect(run.out).toContain("uat (acme--uat.sandbox.lightning.force.com): 1 candidate for Salesforce org acme (sandbox uat)");
    expect(run.out).toContain(`wrote oauthClient.importClientId "${sandbox.id}"`);
  });

  const UAT_HOME = "https://acme--uat.sandbox.lightning.force.com/lightning/page/home";
  const both = () =>
    byHand({ id: PRODUCTION_CLIENT, registeredRedirectUri: ["https://acme.lightning.force.com/lightning/page/home", UAT_HOME] });

  it("a client that also serves another Salesforce org is not chosen by itself: adopted, its next deploy would lock that org out", async () => {
    const run = await adopt([both()], ["production", "--write"], [{ name: "production", salesforce: { myDomain: "acme" } }]);
    expect([run.code, run.unchanged]).toEqual([3, true]);
    expect(run.out).toContain(
      `  not chosen: client ${PRODUCTION_CLIENT} "Salesforce SCV" also serves another Salesforce org (${UAT_HOME}): adopted, its next deploy would take that redirect URI off, and that org's agents could no longer log in. ` +
        `To keep it serving both, first add the URI to production's oauthClient.additionalRedirectUris; then choose it with --client-id ${PRODUCTION_CLIENT}`,
    );
    const chosen = await adopt(
      [both()],
      ["production", "--write", "--client-id", PRODUCTION_CLIENT],
      [{ name: "production", salesforce: { myDomain: "acme" } }],
    );
    expect([chosen.code, chosen.unchanged]).toEqual([0, false]);
  });

  it("a client of two orgs, adopted by the first deployment of a run that keeps the other's URI, is not offered to the next one", async () => {
    const run = await adopt(
      [both()],
      ["*", "--write"],
      [
        { name: "production", salesforce: { myDomain: "acme" }, oauthClient: { additionalRedirectUris: [UAT_HOME] } },
        { name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" } },
      ],
    );
    // It was offered to uat too, whose write was then refused with "Nothing was written." (production's was): exit 1.
    expect([run.code, run.err]).toEqual([3, ""]);
    expect(run.out).toContain(`wrote oauthClient.importClientId "${PRODUCTION_CLIENT}"`);
    expect(run.out).toContain(`uat (acme--uat.sandbox.lightning.force.com): no candidate for Salesforce org acme (sandbox uat)`);
    expect(run.out).toContain(
      `(client ${PRODUCTION_CLIENT} "Salesforce SCV" is deployment "production"'s, by its importClientId: not offered)`,
    );
  });

  it("a write refused after another of the run says what was written before", async () => {
    const sandbox = byHand({
      id: "5b0c2d4e-0000-4000-8000-0000000000b2",
      registeredRedirectUri: ["https://acme--uat.lightning.force.com/lightning/page/home"],
    });
    const file = join(tempDir("adopt-cmd-"), "deployments.json");
    let lists = 0;
    // The second list (uat's) finds the file changed: uat renamed while the API answered.
    const api = await scriptedApi(() => {
      if (++lists === 2) writeFileSync(file, readFileSync(file, "utf8").replace('"uat"', '"uat2"'));
      return listOf([byHand({ id: PRODUCTION_CLIENT }), sandbox])();
    });
    const deployments = [
      { name: "production", salesforce: { myDomain: "acme" } },
      { name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" } },
    ].map((d) => ({ genesysCloud: api.deployment.genesysCloud, ...d }));
    writeFileSync(file, JSON.stringify({ deployments }, null, 2));
    const captured = capturedIo();
    const code = await runCommand(adoptCommand, ["*", "--write"], { ...TOKEN_ENV, DEPLOYMENTS_FILE: file }, captured.io, {
      api: { sleep: async () => {} },
      readStates: noStates,
    });
    await api.close();
    expect(code).toBe(1);
    expect(captured.err()).toMatch(
      /deployment "uat" is no longer in the file since adopt read the file[^]*\nNothing more was written \(written before: production\)\.\n$/,
    );
  });

  it("a client in another deployment's state is not offered", async () => {
    const states = (deployments: readonly { name: string }[]) =>
      Promise.resolve(
        new Map<string, StateReading>(
          deployments.map((d) => [d.name, { outputs: { clientId: d.name === "old" ? PRODUCTION_CLIENT : undefined, redirectUris: [] } }]),
        ),
      );
    const run = await adopt(
      [byHand({ id: PRODUCTION_CLIENT })],
      ["production", "--write"],
      [
        { name: "old", salesforce: { lightningHost: "acme.my-lightning.com" }, allowSecondClient: true },
        { name: "production", salesforce: { myDomain: "acme" } },
      ],
      states,
    );
    expect([run.code, run.unchanged]).toEqual([3, true]);
    expect(run.out).toContain(`(client ${PRODUCTION_CLIENT} "Salesforce SCV" is deployment "old"'s, by its state: not offered)`);
  });
});

describe("adopt checks the deployment's organizationId against the credentials' org before it lists or writes anything", () => {
  const { startEmulator } = require("../../support/genesys-emulator") as typeof import("../../support/genesys-emulator");
  const ours = { id: "1a1a1a1a-0000-4000-8000-000000000001", name: "Acme", credentials: { clientId: "acme-ci", clientSecret: "acme-s" } };
  const theirs = {
    id: "2b2b2b2b-0000-4000-8000-000000000002",
    name: "Other Co",
    credentials: { clientId: "other-ci", clientSecret: "other-s" },
  };

  it.each([[[]], [["--write"]], [["--write", "--client-id", "5b0c2d4e-0000-4000-8000-000000000001"]], [["--guard"]]])(
    "adopt %j with another org's credentials: one message naming both orgs, nothing listed, nothing written",
    async (extra) => {
      const emulator = await startEmulator([ours, theirs]);
      const theirClient = emulator.seed(theirs.id, {
        name: "Salesforce SCV",
        accessTokenValiditySeconds: 86400,
        authorizedGrantType: "TOKEN",
        registeredRedirectUri: ["https://acme.lightning.force.com/lightning/page/home"],
        scope: SEED_ARTICLE_SCOPES,
      });
      try {
        const file = join(tempDir("adopt-org-"), "deployments.json");
        const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
        const text = JSON.stringify({
          deployments: [
            {
              name: "production",
              genesysCloud: { region: "us-east-1", organizationId: ours.id, gateway },
              salesforce: { myDomain: "acme" },
            },
          ],
        });
        writeFileSync(file, text);
        const captured = capturedIo();
        const env = {
          DEPLOYMENTS_FILE: file,
          GENESYSCLOUD_OAUTHCLIENT_ID: theirs.credentials.clientId,
          GENESYSCLOUD_OAUTHCLIENT_SECRET: theirs.credentials.clientSecret,
        };
        const states = () => Promise.resolve(new Map<string, StateReading>());
        const code = await runCommand(adoptCommand, ["production", ...extra], env, captured.io, { readStates: states, api: { tries: 1 } });
        expect(code).toBe(1);
        expect(captured.err()).toContain(
          `Deployment 'production' is for Genesys Cloud org ${ours.id}, but its credentials belong to org ${theirs.id} ('Other Co'). Nothing was changed`,
        );
        expect(captured.out()).not.toContain(theirClient);
        expect(emulator.requests.filter((r) => r.startsWith("GET /api/v2/oauth/clients"))).toEqual([]);
        expect(readFileSync(file, "utf8")).toBe(text);
      } finally {
        await emulator.close();
      }
    },
  );
});

/**
 * npm run migrate's steps, each as the file change it writes, and the usage it reads (the emulator in-process: its
 * usage routes with rows the test sets, several pages, a query still running, a 403).
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { migrateCommand, steppedMigration } from "../../../lib/app/commands/migrate";
import { runCommand } from "../../../lib/shared/command-declaration";
import { StateOutputs, StateReading } from "../../../lib/app/state/read-states";
import { oauthClientUsage, USAGE_PERMISSION } from "../../../lib/app/genesys/api";
import { inUse } from "../../../lib/app/genesys/usage";
import { summarizeUsage, usageInWords } from "../../../lib/app/genesys/usage";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { capturedIo } from "../../support/captured-io";
import { Emulator, startEmulator } from "../../support/genesys-emulator";
import { SEED_ARTICLE_SCOPES } from "../../support/seed-article";
import { tempDir } from "../../support/temp-dir";

const ORG = { id: "7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", name: "Acme", credentials: { clientId: "tf-client", clientSecret: "tf-secret" } };
const ENV = { GENESYSCLOUD_OAUTHCLIENT_ID: "tf-client", GENESYSCLOUD_OAUTHCLIENT_SECRET: "tf-secret" };
const api = { polls: 5, pollMs: 0, sleep: async () => undefined, tries: 1 };
const today = new Date().toISOString().slice(0, 10);

let emulator: Emulator;
let implicitId: string;
let codeId: string;
beforeEach(async () => {
  emulator = await startEmulator([ORG]);
  const uris = ["https://acme.lightning.force.com/lightning/page/home"];
  implicitId = emulator.seed(ORG.id, {
    name: "Salesforce SCV",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: uris,
    scope: SEED_ARTICLE_SCOPES,
  });
  codeId = emulator.seed(ORG.id, {
    name: "Salesforce SCV (PKCE)",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "CODE",
    registeredRedirectUri: uris,
    scope: SEED_ARTICLE_SCOPES,
  });
});
afterEach(() => emulator.close());

/** A deployments file with comments, on the emulator's gateway; the oauthClient section as given. */
function deploymentsFile(oauthClient: string): string {
  const port = new URL(emulator.url).port;
  const file = join(tempDir("migrate-"), "deployments.json");
  writeFileSync(
    file,
    `{
  // Acme's one org
  "deployments": [
    {
      "name": "production",
      "genesysCloud": { "region": "us-east-1", "gateway": { "host": "127.0.0.1", "port": ${port}, "protocol": "http" } },
      "salesforce": { "myDomain": "acme" },
      "oauthClient": ${oauthClient}
    }
  ]
}
`,
  );
  return file;
}

async function run(file: string, argv: string[], outputs: StateOutputs | undefined) {
  const captured = capturedIo();
  const states = (all: readonly Deployment[]) =>
    Promise.resolve(new Map<string, StateReading>(outputs ? all.map((d) => [d.name, { outputs }] as const) : []));
  const code = await runCommand(migrateCommand, ["production", ...argv], { ...ENV, DEPLOYMENTS_FILE: file }, captured.io, {
    api,
    readStates: states,
  });
  return { code, out: captured.out(), err: captured.err(), text: readFileSync(file, "utf8") };
}

describe("npm run migrate: each step's file change", () => {
  it("step 1 from an adopted implicit client: side-by-side, written in place, comments kept", async () => {
    const file = deploymentsFile(`{ "importClientId": "${"IMPLICIT"}" }`.replace("IMPLICIT", "0")); // replaced below
    writeFileSync(file, readFileSync(file, "utf8").replace('"0"', JSON.stringify(implicitId)));
    const before = readFileSync(file, "utf8");
    const { code, out, text } = await run(file, ["--write"], undefined);
    expect(code).toBe(0);
    expect(text).toBe(
      before.replace(`"importClientId": "${implicitId}" }`, `"importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`),
    );
    expect(out).toContain('wrote oauthClient.migration {"step":"side-by-side"}');
    expect(out).toContain("the Salesforce admin: after it is applied: enter the new client's id");
  });

  it("step 2 is refused while the implicit client had requests, and written with --despite-usage", async () => {
    emulator.setUsage(implicitId, [
      { userId: "agent-1", requests: 12, date: `${today}T00:00:00Z` },
      { userId: "agent-2", requests: 3, date: `${today}T00:00:00Z` },
    ]);
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`);
    const state = { clientId: implicitId, redirectUris: [], authorizationCodeClientId: codeId, migrationStep: "side-by-side" };
    const refused = await run(file, ["--write"], state);
    expect(refused.code).toBe(3);
    expect(refused.err).toBe(
      `migrate: production: the implicit client had 15 requests by 2 users in the last 7 days; last used ${today}, by 2 users: ` +
        "deactivating it now would log those agents out. Wait until it has none (switch the remaining profiles to the new client with PKCE), " +
        "or write the step anyway with --despite-usage (the review comment then says so). Nothing was written.\n",
    );
    expect(refused.text).toContain('"migration": { "step": "side-by-side" }');
    const forced = await run(file, ["--write", "--despite-usage"], state);
    expect(forced.code).toBe(0);
    expect(forced.text).toContain('"migration": { "step": "deactivate", "despiteUsage": true }');
  });

  it("step 2 without usage: deactivate; --back: side-by-side again (reactivated, same id)", async () => {
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`);
    const state = { clientId: implicitId, redirectUris: [], authorizationCodeClientId: codeId, migrationStep: "side-by-side" };
    const written = await run(file, ["--write"], state);
    expect(written.code).toBe(0);
    expect(written.out).toContain("usage of the implicit client: no requests in the last 7 days");
    expect(written.text).toContain('"migration": { "step": "deactivate" }');
    const back = await run(file, ["--write", "--back"], { ...state, migrationStep: "deactivate" });
    expect(back.code).toBe(0);
    expect(back.out).toContain("the Salesforce admin: after it is applied: the implicit client issues tokens again (same id)");
    expect(back.out).not.toContain("enter the new client's id");
    expect(back.text).toContain('"migration": { "step": "side-by-side" }');
  });

  it("step 3: forget unless told, delete with --retire-by delete", async () => {
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "deactivate" } }`);
    const state = { clientId: implicitId, redirectUris: [], authorizationCodeClientId: codeId, migrationStep: "deactivate" };
    expect((await run(file, ["--write"], state)).text).toContain('"migration": { "step": "retire", "retireBy": "forget" }');
    const other = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "deactivate" } }`);
    const deleted = await run(other, ["--write", "--retire-by", "delete"], state);
    expect(deleted.text).toContain('"migration": { "step": "retire", "retireBy": "delete" }');
    expect(deleted.out).toContain("the plan is held until a maintainer adds the allow label");
  });

  it("a step whose step before is not applied yet is refused, nothing written", async () => {
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`);
    const before = readFileSync(file, "utf8");
    const { code, err, text } = await run(file, ["--write"], { clientId: implicitId, redirectUris: [] });
    expect(code).toBe(3);
    expect(err).toBe(
      "migrate: production: the file's step (side-by-side) is not applied yet (its state: no migration step): merge and deploy it first, then write the next. Nothing was written.\n",
    );
    expect(text).toBe(before);
  });

  it("the step sequence: forward, back only from deactivate, done after retire", () => {
    const opts = { back: false, despiteUsage: false, retireBy: undefined };
    expect(steppedMigration(undefined, opts)).toEqual({ step: "side-by-side" });
    expect(steppedMigration({ step: "retire", retireBy: "forget", despiteUsage: false }, opts)).toMatch(/the migration is done/);
    expect(steppedMigration({ step: "side-by-side", retireBy: "forget", despiteUsage: false }, { ...opts, back: true })).toMatch(
      /side-by-side is the first step/,
    );
  });
});

describe("the usage of a client (the OAuth client usage API)", () => {
  const deployment = (): Deployment =>
    ({
      name: "production",
      genesysCloud: { region: "us-east-1", gateway: { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" } },
      salesforce: { myDomain: "acme" },
    }) as Deployment;

  it("reads every page of rows, after a query still running, and sums them up", async () => {
    emulator.setUsage(
      implicitId,
      [
        { userId: "a", requests: 5, date: "2026-11-28T00:00:00Z" },
        { userId: "b", requests: 1, date: "2026-11-29T00:00:00Z" },
        { userId: "a", requests: 2, date: `${today}T00:00:00Z` },
        { userId: "c", requests: 0, date: `${today}T00:00:00Z` },
        { userId: "c", requests: 4, date: `${today}T00:00:00Z` },
      ].filter((r) => Date.parse(r.date) > Date.now() - 30 * 86400000),
      { pageSize: 2, runningLooks: 2 },
    );
    const rows = await oauthClientUsage(deployment(), ENV, implicitId, 30, api);
    const summary = summarizeUsage(rows);
    expect(summary.lastUsed).toEqual({ day: today, users: 2 });
    expect(emulator.requests.filter((r) => r.includes("/usage/query/results/")).length).toBeGreaterThanOrEqual(4);
    expect(usageInWords(summarizeUsage([]), 7)).toBe("no requests in the last 7 days");
  });

  it("a query still running after its looks is an error, nothing decided", async () => {
    emulator.setUsage(implicitId, [], { runningLooks: 10 });
    await expect(oauthClientUsage(deployment(), ENV, implicitId, 7, api)).rejects.toThrow(
      `deployment "production": Genesys Cloud's usage of OAuth client ${implicitId} query is still Running after 5 looks, 0 s: try again later; nothing is decided on part of it`,
    );
  });

  it("a 403 names the permission the usage API needs", async () => {
    emulator.inject({ route: `GET /api/v2/oauth/clients/${implicitId}/usage/summary`, status: 403, times: 1 });
    await expect(oauthClientUsage(deployment(), ENV, implicitId, 7, api)).rejects.toThrow(
      `deployment "production": the deployment's credentials may not read the API usage of OAuth client ${implicitId}: their role needs the permission ${USAGE_PERMISSION} (403 - injected fault)`,
    );
    expect(USAGE_PERMISSION).toBe("OAuth > Client > View (oauth:client:view) or Usage > Client > View (usage:client:view)");
  });
});

describe("usage is evidence that fails closed", () => {
  const afterDeactivate = () => ({
    clientId: implicitId,
    redirectUris: [],
    authorizationCodeClientId: codeId,
    migrationStep: "deactivate",
  });
  const afterSideBySide = () => ({
    clientId: implicitId,
    redirectUris: [],
    authorizationCodeClientId: codeId,
    migrationStep: "side-by-side",
  });

  it("every step that stops the implicit client issuing tokens is refused while it had usage: retire by delete as deactivate", async () => {
    emulator.setUsage(implicitId, [{ userId: "agent-1", requests: 4, date: `${today}T00:00:00Z` }]);
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "deactivate" } }`);
    const before = readFileSync(file, "utf8");
    const refused = await run(file, ["--write", "--retire-by", "delete"], afterDeactivate());
    expect(refused.code).toBe(3);
    expect(refused.err).toBe(
      `migrate: production: the implicit client had 4 requests by 1 user in the last 7 days; last used ${today}, by 1 user: ` +
        "deleting it now would log out whoever still holds its tokens, for good. Wait until it has none (switch the remaining profiles to the new client with PKCE), " +
        "or write the step anyway with --despite-usage (the review comment then says so). Nothing was written.\n",
    );
    expect(refused.text).toBe(before);
    // Forgetting it stops nothing (it stays as it is, inactive): written; and delete with --despite-usage is too.
    expect((await run(file, ["--write"], afterDeactivate())).code).toBe(0);
    const other = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "deactivate" } }`);
    const forced = await run(other, ["--write", "--retire-by", "delete", "--despite-usage"], afterDeactivate());
    expect(forced.code).toBe(0);
    expect(forced.text).toContain('"migration": { "step": "retire", "despiteUsage": true, "retireBy": "delete" }');
    expect(forced.out).toContain("written despite the implicit client's usage");
  });

  it.each([
    ["counts in another field than requests", { userId: "agent-1", status200: 55 }],
    ["requests of 0 beside a larger count", { userId: "agent-1", requests: 0, status200: 55 }],
    ["requests as a text", { userId: "agent-1", requests: "55" }],
    ["requests not whole", { userId: "agent-1", requests: 0.5 }],
    ["requests negative", { userId: "agent-1", requests: -55 }],
    ["requests null", { userId: "agent-1", requests: null, status429: 3 }],
    ["a count as a text", { userId: "agent-1", requests: 0, status200: "55" }],
    ["a count as true", { userId: "agent-1", requests: 0, status200: true }],
    ["counts nested in an object", { userId: "agent-1", requests: 0, counts: { status200: 55 } }],
    ["counts in a list", { userId: "agent-1", requests: 0, status200: [55] }],
    ["an unknown field with a text", { userId: "agent-1", requests: 0, requestCount: "fifty-five" }],
  ])("a usage row whose counts cannot be read as a whole number of requests counts as use (%s), and is shown", async (_, row) => {
    emulator.setUsage(implicitId, [{ ...row, date: `${today}T00:00:00Z` }]);
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`);
    const before = readFileSync(file, "utf8");
    const refused = await run(file, ["--write"], afterSideBySide());
    expect(refused.code).toBe(3);
    expect(refused.err).toContain(
      "the implicit client had in the last 7 days, 1 usage row whose counts cannot be read as a whole number of requests, counted as use: {",
    );
    expect(refused.err).toContain(`"userId":"agent-1"`);
    expect(refused.err).toContain("deactivating it now would log those agents out");
    expect(refused.out).toContain("the implicit client is still used");
    expect(refused.text).toBe(before);
  });

  it("rows whose counts agree are read as they are", async () => {
    emulator.setUsage(implicitId, [
      { requests: 5, status200: 3, status400: 2, clientName: "Salesforce SCV", organizationId: "org" },
      { requests: 0, status200: 0 },
      { requests: 2, status200: "2" },
    ]);
    const summary = summarizeUsage(await oauthClientUsage(usageDeployment(), ENV, implicitId, 7, api));
    expect(summary).toMatchObject({ requests: 7, unreadable: [] });
    expect(inUse(summary)).toBe(true);
    expect(inUse(summarizeUsage([{ requests: 0 }]))).toBe(false);
  });

  it("a complete query without its list of rows is an error, never none", async () => {
    emulator.inject({
      route: `GET /api/v2/oauth/clients/${implicitId}/usage/query/results/`,
      status: 200,
      rawBody: JSON.stringify({ queryStatus: "Complete" }),
      times: 1,
    });
    await expect(oauthClientUsage(usageDeployment(), ENV, implicitId, 7, api)).rejects.toThrow(
      `Genesys Cloud's usage of OAuth client ${implicitId} results are not the list Genesys documents (page 1: results is missing)`,
    );
  });

  it("the client judged is the one the deploy acts on: the state's, and the file's where they differ; a mismatch is refused", async () => {
    // The file adopts the code client's id by mistake; the state holds the implicit client, which is still used.
    emulator.setUsage(implicitId, [{ userId: "agent-1", requests: 9, date: `${today}T00:00:00Z` }]);
    const file = deploymentsFile(`{ "importClientId": "${codeId}", "migration": { "step": "side-by-side" } }`);
    const before = readFileSync(file, "utf8");
    const state = { ...afterSideBySide(), authorizationCodeClientId: undefined };
    const shown = await run(file, [], state);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`  implicit client: ${implicitId} in its state, but oauthClient.importClientId names ${codeId}\n`);
    expect(shown.out).toContain(`  usage of the implicit client ${implicitId}: 9 requests by 1 user`);
    expect(shown.out).toContain(`  usage of the implicit client ${codeId}: no requests in the last 7 days`);
    const refused = await run(file, ["--write", "--despite-usage"], state);
    expect(refused.code).toBe(3);
    expect(refused.err).toBe(
      `migrate: production: its state holds implicit client ${implicitId}, but oauthClient.importClientId names ${codeId}: a deploy would act on ${implicitId}, ` +
        "and which client the migration is for cannot be told. Make them agree first (npx genesys-scv-oauth-client deploy production says how). Nothing was written.\n",
    );
    expect(refused.text).toBe(before);
  });

  it("without importClientId, the state's client is judged", async () => {
    emulator.setUsage(implicitId, [{ userId: "agent-1", requests: 2, date: `${today}T00:00:00Z` }]);
    const file = deploymentsFile(`{ "migration": { "step": "side-by-side" } }`);
    const refused = await run(file, ["--write"], afterSideBySide());
    expect(refused.code).toBe(3);
    expect(refused.err).toContain("the implicit client had 2 requests by 1 user");
  });
});

describe("the status is lines, each value escaped on its own", () => {
  it("no literal \\n: one line per fact", async () => {
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`);
    const { out } = await run(file, [], {
      clientId: implicitId,
      redirectUris: [],
      authorizationCodeClientId: codeId,
      migrationStep: "side-by-side",
    });
    expect(out).not.toContain("\\n");
    expect(out.split("\n")).toEqual(expect.arrayContaining([`  implicit client: ${implicitId}`, `  authorization-code client: ${codeId}`]));
  });

  it("a state's text with a line break or an escape sequence is escaped where it is shown, on its line", async () => {
    const file = deploymentsFile(`{ "importClientId": "${implicitId}", "migration": { "step": "side-by-side" } }`);
    const { out } = await run(file, [], { clientId: implicitId, redirectUris: [], migrationStep: "side\n\u001b[2Jby-side" });
    expect(out).not.toContain("\u001b");
    expect(out.split("\n").filter((line) => line.startsWith("  applied (its state):"))).toHaveLength(1);
  });
});

describe("ids from a state or an API answer are checked for their shape before they go into a request path", () => {
  it.each(["..", "../../users/me", "a/b", "%2e%2e", "x?y", ""])(
    "an executionId of %j: an error, no request with it",
    async (executionId) => {
      emulator.inject({
        route: `GET /api/v2/oauth/clients/${implicitId}/usage/summary`,
        status: 202,
        rawBody: JSON.stringify({ executionId }),
        times: 1,
      });
      const error = oauthClientUsage(usageDeployment(), ENV, implicitId, 7, api);
      await expect(error).rejects.toThrow(
        executionId === "" ? "query answered without an executionId" : "executionId (from Genesys Cloud's answer) is",
      );
      expect(emulator.requests.filter((r) => r.includes("/query/results"))).toEqual([]);
    },
  );

  it("a client id from a state that is not an id: an error before any request", async () => {
    const before = emulator.requests.length;
    await expect(oauthClientUsage(usageDeployment(), ENV, "../../../users/me", 7, api)).rejects.toThrow(
      'deployment "production": the OAuth client id is "../../../users/me"; allowed: an id of 1 to 128 letters, digits, hyphens and underscores',
    );
    expect(emulator.requests.length).toBe(before);
  });
});

function usageDeployment(): Deployment {
  return {
    name: "production",
    genesysCloud: { region: "us-east-1", gateway: { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" } },
    salesforce: { myDomain: "acme" },
  } as Deployment;
}

describe("an option that needs --write, given without it", () => {
  it.each([
    [["production", "--back"], "--back"],
    [["production", "--despite-usage"], "--despite-usage"],
    [["production", "--retire-by", "delete"], "--retire-by"],
  ])("%j: says which option came without --write, not its value", async (argv, option) => {
    const { io, out, err } = capturedIo();
    expect(await runCommand(migrateCommand, argv, {}, io)).toBe(1);
    expect([out(), err()]).toEqual([
      "",
      `migrate: ${option}: given ${option} without --write; allowed: only with --write, which writes the step it changes\n`,
    ]);
  });
});

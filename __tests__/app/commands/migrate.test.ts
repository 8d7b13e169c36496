/**
 * npm run migrate's steps, each as the file change it writes, and the usage it reads (the emulator in-process: its
 * usage routes with rows the test sets, several pages, a query still running, a 403).
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { migrate, steppedMigration } from "../../../lib/app/commands/migrate";
import { StateOutputs, StateReading } from "../../../lib/app/state/read-states";
import { oauthClientUsage, USAGE_PERMISSION } from "../../../lib/app/genesys/api";
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
  const code = await migrate(["production", ...argv], { ...ENV, DEPLOYMENTS_FILE: file }, captured.io, { api, readStates: states });
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

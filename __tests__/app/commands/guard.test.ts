/**
 * `guard`: every check a deploy makes before it applies, for one deployment, against the emulator in-process:
 * credentials first (nothing asked without them; in a workflow the environment and its secrets named), the lock file,
 * the org the credentials belong to, a second client, and the usage of an implicit client a step not yet applied
 * would deactivate or delete (asked at the time of the guard, refused unless despiteUsage). --note writes the reasons
 * for plan-summary.
 */
import { chmodSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { guardCommand } from "../../../lib/app/commands/guard";
import { runCommand } from "../../../lib/shared/command-declaration";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { StateOutputs, StateReading } from "../../../lib/app/state/read-states";
import { capturedIo } from "../../support/captured-io";
import { Emulator, startEmulator } from "../../support/genesys-emulator";
import { SEED_ARTICLE_SCOPES } from "../../support/seed-article";
import { tempDir } from "../../support/temp-dir";

const ORG = { id: "7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", name: "Acme", credentials: { clientId: "tf-client", clientSecret: "tf-secret" } };
const OTHER = {
  id: "0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e",
  name: "Globex",
  credentials: { clientId: "gx-client", clientSecret: "gx-secret" },
};
const ENV = { GENESYSCLOUD_OAUTHCLIENT_ID: "tf-client", GENESYSCLOUD_OAUTHCLIENT_SECRET: "tf-secret" };
const api = { polls: 5, pollMs: 0, sleep: async () => undefined, tries: 1 };
const today = new Date().toISOString().slice(0, 10);
const URIS = ["https://acme.lightning.force.com/lightning/page/home"];
const LOCK = `provider "registry.terraform.io/mypurecloud/genesyscloud" {\n  version = "1.82.0"\n}\n`;

let emulator: Emulator;
let engineDir: string;
beforeAll(() => {
  // Engines the guard only names (which registry the lock file must name): never run.
  engineDir = tempDir("engines-");
  for (const name of ["terraform", "tofu"]) {
    writeFileSync(join(engineDir, name), "#!/bin/sh\nexit 1\n");
    chmodSync(join(engineDir, name), 0o755);
  }
});
beforeEach(async () => {
  emulator = await startEmulator([ORG, OTHER]);
});
afterEach(() => emulator.close());

/** A folder with a deployments file on the emulator's gateway (the deployment's keys as given) and the lock file. */
function repository(extra: Record<string, unknown> = {}, { lock = LOCK }: { lock?: string | null } = {}): string {
  const dir = tempDir("guard-");
  const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
  const deployment = {
    name: "production",
    genesysCloud: { region: "us-east-1", organizationId: ORG.id, gateway },
    salesforce: { myDomain: "acme" },
    ...extra,
  };
  writeFileSync(join(dir, "deployments.json"), JSON.stringify({ deployments: [deployment] }, null, 2));
  if (lock !== null) writeFileSync(join(dir, ".terraform.lock.hcl"), lock);
  return dir;
}

async function guard(dir: string, argv: string[] = [], env: Record<string, string> = ENV, outputs?: StateOutputs) {
  const captured = capturedIo();
  const asked: string[] = [];
  const states = async (all: readonly Deployment[]) => {
    asked.push("states");
    return new Map<string, StateReading>(outputs ? all.map((d) => [d.name, { outputs }] as const) : []);
  };
  const before = emulator.requests.length;
  const code = await runCommand(
    guardCommand,
    ["production", ...argv],
    { TERRAFORM_BINARY_NAME: join(engineDir, "terraform"), ...env, DEPLOYMENTS_FILE: join(dir, "deployments.json") },
    captured.io,
    { api, readStates: states },
  );
  return { code, out: captured.out(), err: captured.err(), requests: emulator.requests.slice(before), asked };
}

describe("guard: credentials first, before anything is asked or run", () => {
  it("none set: the variables named, nothing asked; in a workflow also the environment and its secrets", async () => {
    const dir = repository();
    const local = await guard(dir, [], {});
    expect([local.code, local.requests, local.asked]).toEqual([1, [], []]);
    expect(local.err).toBe(
      "production: no Genesys Cloud credentials: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set. Nothing was asked, nothing was run.\n",
    );
    const workflow = await guard(dir, [], {
      GITHUB_ACTIONS: "true",
      SCV_CREDENTIALS_DEPLOYMENT: "production",
      GENESYSCLOUD_OAUTHCLIENT_ID: "",
    });
    expect(workflow.err).toContain(
      "In GitHub, the job's environment (production for a deploy, production-plan for a pull request's plan) holds them as the secrets GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET",
    );
    expect(workflow.requests).toEqual([]);
  });

  it("a wrong secret: Genesys's refusal, said by the tool (in a workflow with the environment and its secrets), also without organizationId", async () => {
    const dir = repository();
    const config = JSON.parse(readFileSync(join(dir, "deployments.json"), "utf8"));
    delete config.deployments[0].genesysCloud.organizationId;
    writeFileSync(join(dir, "deployments.json"), JSON.stringify(config));
    const { code, err, asked } = await guard(dir, [], {
      GITHUB_ACTIONS: "true",
      SCV_CREDENTIALS_DEPLOYMENT: "production",
      GENESYSCLOUD_OAUTHCLIENT_ID: "tf-client",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "not-the-secret",
    });
    expect([code, asked]).toEqual([1, []]);
    expect(err).toContain("Genesys Cloud refused the deployment's credentials (401");
    expect(err).toContain(
      "production-plan for a pull request's plan) holds them as the secrets GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET",
    );
    expect(err).toContain("(whose org the credentials are cannot be told: nothing was run)");
  });

  it("a secret without its client id is said as such", async () => {
    const { code, err } = await guard(repository(), [], { GENESYSCLOUD_OAUTHCLIENT_SECRET: "tf-secret" });
    expect(code).toBe(1);
    expect(err).toContain("GENESYSCLOUD_OAUTHCLIENT_SECRET is set but GENESYSCLOUD_OAUTHCLIENT_ID is not");
  });
});

describe("guard: the lock file and the org", () => {
  it("nothing stops a deploy of a new client in the right org with the lock file: exit 0", async () => {
    const { code, out, err } = await guard(repository());
    expect([code, err]).toEqual([0, ""]);
    expect(out).toBe("production: nothing stops a deploy (credentials, lock file, org, second client, usage checked)\n");
  });

  it("no lock file, or one without the running engine's registry: a reason each", async () => {
    const missing = await guard(repository({}, { lock: null }));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("production: .terraform.lock.hcl is missing beside the deployments file");
    const tofu = await guard(repository(), [], { ...ENV, TERRAFORM_BINARY_NAME: join(engineDir, "tofu") });
    expect(tofu.code).toBe(1);
    expect(tofu.err).toContain(
      "production: .terraform.lock.hcl names no genesyscloud provider from registry.opentofu.org, which OpenTofu inits from: write it with OpenTofu (npx genesys-scv-oauth-client lock, with .engine saying tofu) and commit it.",
    );
  });

  it("credentials of another org: said with both ids, and nothing more is asked of that org", async () => {
    const { code, err, requests, asked } = await guard(repository(), [], {
      GENESYSCLOUD_OAUTHCLIENT_ID: "gx-client",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "gx-secret",
    });
    expect(code).toBe(1);
    expect(err).toBe(
      `production: its credentials are of org ${OTHER.id} ("Globex"), and genesysCloud.organizationId is ${ORG.id}: a deploy would act on the wrong org. ` +
        `Use the credentials of org ${ORG.id}, or correct genesysCloud.organizationId.\n`,
    );
    expect(requests.filter((r) => r.includes("/oauth/clients"))).toEqual([]);
    expect(asked).toEqual([]);
  });
});

/** The org's implicit client, made by hand from the article. */
const seedImplicit = () =>
  emulator.seed(ORG.id, {
    name: "Salesforce SCV",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: URIS,
    scope: SEED_ARTICLE_SCOPES,
  });

describe("guard: a second client, and usage before a deactivation or a delete", () => {
  it("the org has a client for the Salesforce org and the deploy would create one: stopped; the note for plan-summary is the same stop in the note's form", async () => {
    const id = seedImplicit();
    const dir = repository();
    const note = join(dir, "production.note.json");
    const { code, err } = await guard(dir, ["--note", note]);
    expect(code).toBe(1);
    expect(err).toContain(`production: the org already has a client for Salesforce org acme`);
    expect(err).toContain(id);
    const written = JSON.parse(readFileSync(note, "utf8"));
    // The note's form: no deployment's name first (the comment names it), nothing said undone (the plan beside it ran),
    // the lines under the reason one each.
    expect(written).toEqual({
      stack: "production",
      stops: [
        [
          "the org already has a client for Salesforce org acme (a redirect URI on one of its hosts), and this deploy would create another " +
            "(a second client id for the same Salesforce org).",
          `client ${id} "Salesforce SCV", grant implicit`,
          "Adopt it: npx genesys-scv-oauth-client adopt production --write (then deploy again: an import, no new client, the same id).",
          'To create another on purpose, set "allowSecondClient": true on deployment "production".',
        ].join("\n"),
      ],
    });
  });

  it.each([
    ["deactivate", { step: "deactivate" }, "deactivating it would log those agents out"],
    ["retire by delete", { step: "retire", retireBy: "delete" }, "deleting it would log out whoever still holds its tokens, for good"],
  ])(
    "%s not applied yet, the implicit client used in the window: stopped; with despiteUsage, or already applied, not",
    async (_, migration, what) => {
      const implicit = seedImplicit();
      const code = emulator.seed(ORG.id, {
        name: "Salesforce SCV (PKCE)",
        accessTokenValiditySeconds: 86400,
        authorizedGrantType: "CODE",
        registeredRedirectUri: URIS,
        scope: SEED_ARTICLE_SCOPES,
      });
      emulator.setUsage(implicit, [{ userId: "agent-1", requests: 55, date: `${today}T00:00:00Z` }]);
      const state = (step: string) => ({ clientId: implicit, redirectUris: URIS, authorizationCodeClientId: code, migrationStep: step });
      const before = migration.step === "deactivate" ? "side-by-side" : "deactivate";
      const stopped = await guard(repository({ oauthClient: { importClientId: implicit, migration } }), [], ENV, state(before));
      expect(stopped.code).toBe(1);
      expect(stopped.err).toBe(
        `production: the migration's step ${migration.step} would stop the implicit client ${implicit} issuing tokens, and it had ` +
          `55 requests by 1 user in the last 7 days; last used ${today}, by 1 user: ${what}. Nothing was run.\n` +
          "  Wait until it has none (npx genesys-scv-oauth-client migrate production shows its usage), or write the step with --despite-usage " +
          "(oauthClient.migration.despiteUsage: true) in a reviewed pull request.\n",
      );
      const despite = await guard(
        repository({ oauthClient: { importClientId: implicit, migration: { ...migration, despiteUsage: true } } }),
        [],
        ENV,
        state(before),
      );
      expect([despite.code, despite.err]).toEqual([0, ""]);
      const applied = await guard(repository({ oauthClient: { importClientId: implicit, migration } }), [], ENV, state(migration.step));
      expect([applied.code, applied.err]).toEqual([0, ""]);
      expect(applied.requests.filter((r) => r.includes("/usage/"))).toEqual([]);
    },
  );

  it("usage that cannot be read stops it (fails closed)", async () => {
    const implicit = seedImplicit();
    const code = emulator.seed(ORG.id, {
      name: "PKCE",
      accessTokenValiditySeconds: 86400,
      authorizedGrantType: "CODE",
      registeredRedirectUri: URIS,
      scope: SEED_ARTICLE_SCOPES,
    });
    emulator.setUsage(implicit, [], { runningLooks: 100 });
    const { code: exit, err } = await guard(
      repository({ oauthClient: { importClientId: implicit, migration: { step: "deactivate" } } }),
      [],
      ENV,
      { clientId: implicit, redirectUris: URIS, authorizationCodeClientId: code, migrationStep: "side-by-side" },
    );
    expect(exit).toBe(1);
    expect(err).toContain(`(whether the implicit client ${implicit} is still used cannot be told: nothing was run)`);
  });
});

describe("guard --credentials (the drift check's): the credentials and their org only", () => {
  it("passes where a second client would stop a deploy, and stops on credentials of another org", async () => {
    seedImplicit();
    const dir = repository({}, { lock: null });
    expect((await guard(dir)).code).toBe(1);
    const only = await guard(dir, ["--credentials"]);
    expect([only.code, only.out, only.err, only.asked]).toEqual([
      0,
      "production: its credentials are set, Genesys Cloud accepts them, and they are of its org\n",
      "",
      [],
    ]);
    const other = await guard(dir, ["--credentials"], {
      GENESYSCLOUD_OAUTHCLIENT_ID: "gx-client",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "gx-secret",
    });
    expect(other.code).toBe(1);
    expect(other.err).toContain("a deploy would act on the wrong org");
  });
});

describe("guard's arguments", () => {
  it.each([
    [[], "nothing"],
    [["production", "uat"], '2 arguments ("production", "uat")'],
    [["prod*"], '"prod*"'],
  ])("one deployment name, no pattern: %j refused", async (argv, given) => {
    const captured = capturedIo();
    const code = await runCommand(guardCommand, argv, { DEPLOYMENTS_FILE: join(repository(), "deployments.json") }, captured.io);
    expect(code).toBe(1);
    expect(captured.err()).toBe(`guard: <deployment name>: given ${given}; allowed: the name of one deployment, not a pattern\n`);
  });

  it('a deployments file with a problem: its message, without the writing commands\' "Nothing was written." (guard writes no file)', async () => {
    const dir = tempDir("guard-bad-");
    writeFileSync(join(dir, "deployments.json"), '{ "deployments": 1 }');
    const captured = capturedIo();
    expect(await runCommand(guardCommand, ["production"], { DEPLOYMENTS_FILE: join(dir, "deployments.json") }, captured.io)).toBe(1);
    expect(captured.err()).toMatch(/^.*deployments\.json has 1 problem:\n {2}- deployments: given 1; allowed: .*\n$/);
  });

  it("--note in a folder that does not exist: refused before anything is asked", async () => {
    const { code, err, requests } = await guard(repository(), ["--note", "/nonexistent/x.json"]);
    expect(code).toBe(1);
    expect(err).toContain('guard: --note: given "/nonexistent/x.json" (its folder /nonexistent does not exist)');
    expect(requests).toEqual([]);
  });
});

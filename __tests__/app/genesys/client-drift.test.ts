/** The drift of a deployment's client: the comparison, who changed each attribute, and what diff/deploy are given. */
import { Deployment } from "../../../lib/app/deployments/deployments";
import {
  attributedTo,
  clientDriftReport,
  driftBeforeRun,
  driftedAttributes,
  driftLines,
  RETRY_TIMEOUT_VARIABLE,
} from "../../../lib/app/genesys/client-drift";
import { AUDIT_FORBIDDEN } from "../../../lib/app/genesys/audit";
import { AuditChange, DriftReport } from "../../../lib/shared/drift-report";
import { Emulator, startEmulator } from "../../support/genesys-emulator";
import { ACME_ORG as ORG, ACME_ENV as env, acmeDeployment } from "../../support/acme-org";
import { scriptedApi, silentApi, TOKEN_ENV } from "../../support/scripted-api";
import { reportFile } from "../../support/drift-reports";
import { readDriftReports } from "../../../lib/review/plan-summary/drift-reports";

const HOME = "https://acme.lightning.force.com/lightning/page/home";
const client = {
  name: "SCV",
  description: "Service Cloud Voice",
  authorizedGrantType: "CODE",
  registeredRedirectUri: [HOME],
  scope: ["conversations"],
};
/** The state's attributes for `client`, as the provider writes them. */
const inState = (id: string) => ({
  id,
  name: "SCV",
  description: "Service Cloud Voice",
  authorized_grant_type: "CODE",
  registered_redirect_uris: [HOME],
  scopes: ["conversations"],
  access_token_validity_seconds: 86400,
  state: "active",
  roles: [],
});
const ANN = { kind: "user", id: "u-ann", name: "Ann Admin" } as const;
const BOB = { kind: "user", id: "u-bob", name: "Bob Builder" } as const;
let emulator: Emulator;
let deployment: Deployment;

const create = async () =>
  (await emulator.byHand(ORG, "POST", "/api/v2/oauth/clients", { ...client, accessTokenValiditySeconds: 86400 }))!.id;

beforeAll(async () => {
  emulator = await startEmulator([ORG]);
  deployment = acmeDeployment(emulator);
});
afterAll(() => emulator.close());

describe("the comparison of the state's client with the org's, one table of attributes", () => {
  const org = { ...client, accessTokenValiditySeconds: 86400, state: "active", roleDivisions: [] };

  it("finds nothing when they agree, whatever the order of a set or an unset description", () => {
    expect(driftedAttributes(inState("c"), org)).toEqual([]);
    expect(driftedAttributes({ ...inState("c"), description: "" }, { ...org, description: undefined })).toEqual([]);
    expect(driftedAttributes({ ...inState("c"), scopes: ["b", "a"] }, { ...org, scope: ["a", "b"] })).toEqual([]);
  });

  it.each([
    ["name", { name: "renamed" }, "SCV", "renamed"],
    ["description", { description: "by hand" }, "Service Cloud Voice", "by hand"],
    ["state", { state: "inactive" }, "active", "inactive"],
    ["authorized_grant_type", { authorizedGrantType: "TOKEN" }, "CODE", "TOKEN"],
    ["registered_redirect_uris", { registeredRedirectUri: ["https://evil.example/cb", HOME] }, [HOME], [HOME, "https://evil.example/cb"]],
    ["access_token_validity_seconds", { accessTokenValiditySeconds: 600 }, 86400, 600],
    ["scopes", { scope: ["conversations", "users"] }, ["conversations"], ["conversations", "users"]],
    ["roles", { roleDivisions: [{ roleId: "r", divisionId: "d" }] }, [], ["r/d"]],
  ])("finds %s changed in the org", (attribute, change, before, after) => {
    expect(driftedAttributes(inState("c"), { ...org, ...change })).toEqual([{ attribute, inState: before, inOrg: after }]);
  });
});

describe("who changed an attribute: the latest audit entry that set it to the org's value", () => {
  const entry = (when: string, actor: AuditChange["actor"], newValues: string[], property = "registeredRedirectUri"): AuditChange => ({
    when,
    action: "Update",
    actor,
    properties: [{ property, oldValues: [HOME], newValues }],
  });
  const drifted = [{ attribute: "registered_redirect_uris", inState: [HOME], inOrg: [HOME, "https://x.example"].sort() }];

  it("takes the latest entry whose new values are the org's, not a later one that set something else", () => {
    const setIt = entry("2026-12-01T10:00:00Z", ANN, [HOME, "https://x.example"]);
    const later = entry("2026-12-02T10:00:00Z", BOB, [HOME, "https://y.example"]);
    expect(attributedTo(drifted, [setIt, later])[0].changedBy).toBe(setIt);
  });

  it("falls back to the latest entry that changed the attribute when none set it exactly so; none when none changed it", () => {
    const other = entry("2026-12-02T10:00:00Z", BOB, ["written otherwise"]);
    expect(attributedTo(drifted, [other])[0].changedBy).toBe(other);
    expect(attributedTo(drifted, [entry("2026-12-02T10:00:00Z", BOB, ["x"], "name")])[0].changedBy).toBeUndefined();
  });
});

describe("the drift report of a deployment, against the emulator", () => {
  it("a client changed by hand: each attribute with in state, in the org, and who", async () => {
    const id = await create();
    await emulator.byHand(
      ORG,
      "PUT",
      `/api/v2/oauth/clients/${id}`,
      { ...client, registeredRedirectUri: [HOME, "https://evil.example/cb"] },
      ANN,
    );
    const report = (await clientDriftReport(deployment, { clientId: id, clientAttributes: inState(id) }, env)) as DriftReport;
    expect(report).toMatchObject({ deployment: "production", clientId: id, client: "changed", audit: { kind: "read" } });
    const uris = report.attributes.find((a) => a.attribute === "registered_redirect_uris")!;
    expect(uris).toMatchObject({ inState: [HOME], inOrg: [HOME, "https://evil.example/cb"], changedBy: { actor: ANN, action: "Update" } });
    expect(driftLines(report).join("\n")).toContain(
      `  registered_redirect_uris: ${HOME} (in state) -> ${HOME}, https://evil.example/cb (in the org)\n    changed by user Ann Admin (u-ann) at `,
    );
  });

  it("a client deleted by hand: deleted, and by whom", async () => {
    const id = await create();
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${id}`, { ...client, state: "inactive" }, BOB);
    await emulator.byHand(ORG, "DELETE", `/api/v2/oauth/clients/${id}`, undefined, BOB);
    const report = (await clientDriftReport(deployment, { clientId: id, clientAttributes: inState(id) }, env)) as DriftReport;
    expect(report).toMatchObject({ client: "deleted", attributes: [], deletedBy: { action: "Delete", actor: BOB } });
    expect(driftLines(report)[0]).toMatch(
      new RegExp(
        `^production: client ${id} was deleted outside the code by user Bob Builder \\(u-bob\\) at \\S+: the plan creates a new client`,
      ),
    );
  });

  it("without the audit's permission: the drift is told, and who is unknown in one line", async () => {
    const id = await create();
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${id}`, { ...client, name: "renamed" }, ANN);
    emulator.denyAudit(ORG.id);
    try {
      const report = (await clientDriftReport(deployment, { clientId: id, clientAttributes: inState(id) }, env)) as DriftReport;
      expect(report).toMatchObject({
        client: "changed",
        attributes: [{ attribute: "name", inOrg: "renamed" }],
        audit: { kind: "unknown", reason: AUDIT_FORBIDDEN },
      });
      expect(driftLines(report)).toContain(`    who: unknown: ${AUDIT_FORBIDDEN}`);
    } finally {
      emulator.denyAudit(ORG.id, false);
    }
  });

  it("an unchanged client asks no audit", async () => {
    const id = await create();
    const before = emulator.requests.length;
    expect(await clientDriftReport(deployment, { clientId: id, clientAttributes: inState(id) }, env)).toMatchObject({
      client: "unchanged",
    });
    expect(emulator.requests.slice(before).filter((r) => r.includes("audits"))).toEqual([]);
  });

  it("the org's text is shown escaped: names, values, who", () => {
    const report: DriftReport = {
      deployment: "production",
      clientId: "c",
      client: "changed",
      attributes: [
        {
          attribute: "name",
          inState: "SCV",
          inOrg: "SCV\u001b[2J",
          changedBy: {
            when: "2026-12-01T10:00:00Z",
            action: "Update",
            actor: { kind: "user", id: "u", name: "Eve\u202e" },
            properties: [{ property: "name", oldValues: ["SCV"], newValues: ["SCV\u001b[2J"] }],
          },
        },
      ],
      audit: { kind: "read", since: "a", until: "b" },
    };
    const text = driftLines(report).join("\n");
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text).toContain("name: SCV (in state) -> SCV\\u001b[2J (in the org)\n    changed by user Eve\\u202e (u)");
  });
});

describe("what diff and deploy are given before the engine runs", () => {
  it("a deleted client: its lines; a plan (diff) reads its 404 once, an apply (deploy) keeps the provider's retry", async () => {
    const id = await create();
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${id}`, { ...client, state: "inactive" }, BOB);
    await emulator.byHand(ORG, "DELETE", `/api/v2/oauth/clients/${id}`, undefined, BOB);
    const reading = { outputs: { clientId: id, redirectUris: [HOME], clientAttributes: inState(id) } };
    const plan = await driftBeforeRun(deployment, reading, env, { planOnly: true });
    expect(plan.env).toEqual({ [RETRY_TIMEOUT_VARIABLE]: "0s" });
    expect(plan.chunks.map((c) => c.text).join("")).toContain("was deleted outside the code by user Bob Builder");
    // The apply reads the new client right after creating it, with the same retry: Genesys may answer that 404 a moment.
    const apply = await driftBeforeRun(deployment, reading, env, { planOnly: false });
    expect(apply).toEqual({ chunks: plan.chunks, env: {} });
  });

  it("a changed client: its lines, and no setting; an unchanged one, a state without a client or without credentials: nothing", async () => {
    const id = await create();
    const outputs = { clientId: id, redirectUris: [HOME], clientAttributes: inState(id) };
    expect(await driftBeforeRun(deployment, { outputs }, env)).toEqual({ chunks: [], env: {} });
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${id}`, { ...client, state: "inactive" }, ANN);
    const changed = await driftBeforeRun(deployment, { outputs }, env);
    expect(changed.env).toEqual({});
    expect(changed.chunks.map((c) => c.text).join("")).toContain(
      "state: active (in state) -> inactive (in the org)\n    changed by user Ann Admin",
    );
    expect(await driftBeforeRun(deployment, { outputs: { redirectUris: [] } }, env)).toEqual({ chunks: [], env: {} });
    expect(await driftBeforeRun(deployment, { problem: "no state" }, env)).toEqual({ chunks: [], env: {} });
    expect(await driftBeforeRun(deployment, { outputs }, {})).toEqual({ chunks: [], env: {} });
  });

  it("a client that cannot be read is one line, and the run goes on as before", async () => {
    const api = await scriptedApi(() => ({ status: 500, body: { message: "down" } }));
    try {
      const before = await driftBeforeRun(
        api.deployment,
        { outputs: { clientId: "c-1", redirectUris: [], clientAttributes: inState("c-1") } },
        TOKEN_ENV,
        {
          sleep: async () => undefined,
        },
      );
      expect(before.env).toEqual({});
      expect(before.chunks).toEqual([
        {
          stream: "err",
          text: expect.stringMatching(/^production: whether client c-1 changed outside the code could not be asked: .*500 - down.*\n$/),
        },
      ]);
    } finally {
      await api.close();
    }
  });
});

describe("the time before the engine runs is bounded, however the API answers", () => {
  const outputs = { clientId: "c-1", redirectUris: [], clientAttributes: inState("c-1") };

  it("a 429 asking to wait minutes is not waited for past the whole's deadline", async () => {
    const api = await scriptedApi(() => ({ status: 429, headers: { "retry-after": "180" }, body: { message: "slow down" } }));
    try {
      const started = Date.now();
      const before = await driftBeforeRun(api.deployment, { outputs }, TOKEN_ENV);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(before.env).toEqual({});
      expect(before.chunks.map((c) => c.text).join("")).toMatch(
        /^production: whether client c-1 changed outside the code could not be asked: .*deadline of the whole.*\n$/,
      );
    } finally {
      await api.close();
    }
  });

  it("a deleted client whose audit answers 429 with a long Retry-After: deleted, who unknown, within seconds", async () => {
    const api = await scriptedApi((req) =>
      req.url!.startsWith("/api/v2/oauth/clients/")
        ? { status: 404, body: { message: "not found" } }
        : { status: 429, headers: { "retry-after": "180" }, body: {} },
    );
    try {
      const started = Date.now();
      const before = await driftBeforeRun(api.deployment, { outputs }, TOKEN_ENV, { planOnly: true });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(before.env).toEqual({ [RETRY_TIMEOUT_VARIABLE]: "0s" });
      expect(before.chunks.map((c) => c.text).join("")).toContain("was deleted outside the code");
      expect(before.chunks.map((c) => c.text).join("")).toContain("who: unknown:");
    } finally {
      await api.close();
    }
  });

  it("one deadline holds the read and the audit together: a report given 300 ms is over in about that", async () => {
    const api = await silentApi();
    try {
      const started = Date.now();
      const report = await clientDriftReport(api.deployment, outputs, TOKEN_ENV, { deadlineAt: Date.now() + 300 });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(report).toEqual({ problem: expect.stringContaining("deadline of the whole") });
    } finally {
      await api.close();
    }
  });
});

describe("hostile audit answers: the report is still one plan-summary reads, with no secret and no text without bound", () => {
  const HOSTILE = `Eve\u001b[2J\u202e\n@everyone <img src=x onerror=alert(1)> [x](https://evil.example) **b** ${"A".repeat(10_000)}`;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const entryAbout = (id: string, extra: object) => ({ entity: { id, name: HOSTILE }, action: "Update", ...extra });
  const outputs = { clientId: "c-1", redirectUris: [], clientAttributes: { ...inState("c-1"), name: "SCV" } };
  // The org holds a name set by hand; the audit answers with every odd thing a server could.
  const orgClient = { id: "c-1", ...client, accessTokenValiditySeconds: 86400, state: "active", name: HOSTILE };
  const entries = [
    // Not ISO as drift reports are written, but a date: kept, written as ISO.
    entryAbout("c-1", {
      eventDate: at(-3_600_000)
        .replace("T", " ")
        .replace(/\.\d+Z$/, "Z"),
      user: { id: `u-${HOSTILE}`, name: HOSTILE },
      propertyChanges: [
        { property: "name", oldValues: ["SCV"], newValues: [HOSTILE] },
        { property: "secret", oldValues: ["old-s3cr3t"], newValues: ["new-s3cr3t"] },
        { property: "clientSecretPassword", oldValues: [], newValues: ["another-s3cr3t"] },
        ...Array.from({ length: 60 }, (_, i) => ({ property: `p${i}`, oldValues: [], newValues: [HOSTILE, ...Array(150).fill("v")] })),
      ],
    }),
    // The same entry again (a page repeated), and one in the future that must not stand for the latest change.
    entryAbout("c-1", {
      eventDate: at(-3_600_000),
      user: { id: "u-eve", name: HOSTILE },
      propertyChanges: [{ property: "name", oldValues: ["SCV"], newValues: [HOSTILE] }],
    }),
    entryAbout("c-1", {
      eventDate: at(365 * 86_400_000),
      user: { id: "u-future", name: "From the future" },
      propertyChanges: [{ property: "name", oldValues: ["SCV"], newValues: [HOSTILE] }],
    }),
    // About another entity, and not even an entry: says nothing about this client.
    entryAbout("other", { eventDate: "never", propertyChanges: 5 }),
    "garbage",
  ];

  it("the drift command's report of it is read by plan-summary, capped, with no secret value", async () => {
    const api = await scriptedApi((req) =>
      req.url!.startsWith("/api/v2/oauth/clients/")
        ? { body: orgClient }
        : req.url!.endsWith("servicemapping")
          ? {
              body: {
                services: [
                  { name: "S", entities: [{ name: "OAuthClient" }] },
                  { name: "S", entities: [{ name: "OAuthClient" }] },
                ],
              },
            }
          : { body: { entities: entries, pageCount: 1 } },
    );
    try {
      const report = await clientDriftReport(api.deployment, outputs, TOKEN_ENV, { sleep: async () => undefined });
      expect(report).toMatchObject({ client: "changed", audit: { kind: "read" } });
      const json = JSON.stringify([report], null, 2);
      expect(json).not.toMatch(/s3cr3t/);
      expect(json).not.toContain("From the future");
      const changedBy = (report as DriftReport).attributes.find((a) => a.attribute === "name")!.changedBy!;
      expect(changedBy.when).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const texts = JSON.stringify(changedBy).match(/"(?:[^"\\]|\\.)*"/g)!;
      expect(Math.max(...texts.map((t) => JSON.parse(t).length))).toBeLessThanOrEqual(201);
      expect(changedBy.properties.length).toBeLessThanOrEqual(20);
      expect(() => readDriftReports([reportFile([report])])).not.toThrow();
      // In a terminal: one line per line, nothing a terminal obeys.
      const lines = driftLines(report as DriftReport);
      expect(lines.join("\n")).not.toMatch(/[\u001b\u202e]/);
      expect(lines.every((l) => !l.includes("\n"))).toBe(true);
    } finally {
      await api.close();
    }
  });
});

describe("the org's values in a terminal's drift lines are bounded", () => {
  it("a state's client id that is no id: one bounded line, escaped, and nothing asked", async () => {
    const api = await scriptedApi(() => ({ status: 500 }));
    try {
      const clientId = `../x\u001b[2J${"y".repeat(100_000)}`;
      const before = await driftBeforeRun(api.deployment, { outputs: { clientId, redirectUris: [], clientAttributes: {} } }, TOKEN_ENV);
      const text = before.chunks.map((c) => c.text).join("");
      expect(text).toMatch(/^production: whether client .* changed outside the code could not be asked: .*not put into a request path/i);
      expect(text).not.toContain("\u001b");
      expect(text.length).toBeLessThan(2_000);
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it("a huge value is cut to 300 characters, a long list to 20 items and how many more", () => {
    const huge = "x".repeat(100_000);
    const lines = driftLines({
      deployment: "production",
      clientId: "c-1",
      client: "changed",
      attributes: [
        { attribute: "name", inState: "SCV", inOrg: huge },
        {
          attribute: "registered_redirect_uris",
          inState: [HOME],
          inOrg: Array.from({ length: 500 }, (_, i) => `https://h${i}.example/${huge}`),
        },
      ],
      audit: { kind: "unknown", reason: "not asked" },
    });
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(20 * 310 + 100);
    expect(lines.join("\n")).toContain("… and 480 more");
  });
});

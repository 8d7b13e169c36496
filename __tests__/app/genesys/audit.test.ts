/** Who changed an OAuth client, from the realtime audit query: against the emulator, and a scripted API for odd answers. */
import { Deployment } from "../../../lib/app/deployments/deployments";
import {
  auditChange,
  auditPage,
  AUDIT_FORBIDDEN,
  MAX_AUDIT_PAGES,
  oauthClientAudit,
  servicesHolding,
} from "../../../lib/app/genesys/audit";
import { AuditChange, MAX_AUDIT_PROPERTIES, SECRET_VALUE } from "../../../lib/shared/drift-report";
import { Emulator, startEmulator } from "../../support/genesys-emulator";
import { ACME_ORG as ORG, ACME_ENV as env, acmeDeployment } from "../../support/acme-org";
import { scriptedApi, silentApi, TOKEN_ENV } from "../../support/scripted-api";

const client = {
  name: "SCV",
  authorizedGrantType: "CODE",
  registeredRedirectUri: ["https://acme.lightning.force.com/lightning/page/home"],
  scope: ["conversations"],
};
let emulator: Emulator;
let deployment: Deployment;

beforeAll(async () => {
  emulator = await startEmulator([ORG]);
  deployment = acmeDeployment(emulator);
});
afterAll(() => emulator.close());

describe("the realtime audit of one client", () => {
  it("reads the client's entries, oldest first, each with its actor: a user by name, a client by id", async () => {
    const { id } = (await emulator.byHand(ORG, "POST", "/api/v2/oauth/clients", client))!;
    const uris = [...client.registeredRedirectUri, "https://acme--dev.sandbox.lightning.force.com/x"];
    await emulator.byHand(
      ORG,
      "PUT",
      `/api/v2/oauth/clients/${id}`,
      { ...client, registeredRedirectUri: uris },
      { kind: "user", id: "u-1", name: "Ann Admin" },
    );
    await emulator.byHand(ORG, "POST", "/api/v2/oauth/clients", { ...client, name: "another client" });
    const read = await oauthClientAudit(deployment, env, id);
    expect(read.audit).toEqual({ kind: "read", since: expect.any(String), until: expect.any(String) });
    expect(read.changes.map((c) => [c.action, c.actor])).toEqual([
      ["Create", { kind: "client", id: "ci" }],
      ["Update", { kind: "user", id: "u-1", name: "Ann Admin" }],
    ]);
    expect(read.changes[1].properties).toContainEqual({
      property: "registeredRedirectUri",
      oldValues: client.registeredRedirectUri,
      newValues: uris,
    });
  });

  it("asks the service mapping first, then the realtime query once, over at most 14 days to the second", async () => {
    const api = await scriptedApi((req) => {
      if (req.url === "/api/v2/audits/query/realtime/servicemapping")
        return {
          body: {
            services: [
              { name: "Elsewhere", entities: [{ name: "User" }] },
              { name: "Holder", entities: [{ name: "OAuthClient" }] },
            ],
          },
        };
      return { body: { entities: [], pageCount: 0, total: 0 } };
    });
    const original = api.deployment;
    try {
      // The body's shape (service, EntityId filter, interval, paging) is held by the emulator's 400s, in the test above.
      const now = new Date("2026-12-07T12:00:00.000Z");
      const read = await oauthClientAudit(original, TOKEN_ENV, "c-1", { now });
      expect(read.audit).toMatchObject({ kind: "read", until: now.toISOString() });
      const since = Date.parse((read.audit as { since: string }).since);
      expect(now.getTime() - since).toBeLessThanOrEqual(14 * 86_400_000);
      expect(now.getTime() - since).toBeGreaterThan(13.9 * 86_400_000);
      expect(api.requests).toEqual(["GET /api/v2/audits/query/realtime/servicemapping", "POST /api/v2/audits/query/realtime"]);
    } finally {
      await api.close();
    }
  });

  it("pages through every page the answer counts, and stops at the page cap with an unknown", async () => {
    const pages: number[] = [];
    let pageCount = 3;
    const api = await scriptedApi((req) => {
      if (req.url!.endsWith("servicemapping")) return { body: { services: [{ name: "S", entities: [{ name: "OAuthClient" }] }] } };
      const n = pages.length + 1;
      pages.push(n);
      const entry = {
        eventDate: `2026-12-0${(n % 9) + 1}T00:00:00Z`,
        action: "Update",
        entity: { id: "c-1" },
        client: { id: `script-${n}` },
      };
      return { body: { entities: [entry], pageNumber: n, pageCount } };
    });
    try {
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { now: new Date("2026-12-10T00:00:00Z") });
      expect(read.changes.map((c) => c.actor)).toEqual([1, 2, 3].map((n) => ({ kind: "client", id: `script-${n}` })));
      pages.length = 0;
      pageCount = MAX_AUDIT_PAGES + 5;
      const capped = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { now: new Date("2026-12-10T00:00:00Z") });
      expect(capped).toEqual({
        audit: { kind: "unknown", reason: expect.stringContaining(`more than ${MAX_AUDIT_PAGES} pages`) },
        changes: [],
      });
      expect(pages).toHaveLength(MAX_AUDIT_PAGES);
    } finally {
      await api.close();
    }
  });
});

describe("every failure of the audit is an unknown with why, in one line, never a throw", () => {
  it("403 and 401 say the credentials may not read the audit, and which permission", async () => {
    emulator.denyAudit(ORG.id);
    try {
      expect(await oauthClientAudit(deployment, env, "c-1")).toEqual({ audit: { kind: "unknown", reason: AUDIT_FORBIDDEN }, changes: [] });
    } finally {
      emulator.denyAudit(ORG.id, false);
    }
    for (const status of [401, 403]) {
      const api = await scriptedApi(() => ({ status, body: { message: "no" } }));
      try {
        expect((await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1")).audit).toEqual({ kind: "unknown", reason: AUDIT_FORBIDDEN });
      } finally {
        await api.close();
      }
    }
    expect(AUDIT_FORBIDDEN).toBe("the credentials may not read the audit (Audits > Audit > View)");
  });

  it.each([
    [
      "no service holds OAuthClient",
      { services: [{ name: "Directory", entities: [{ name: "User" }] }] },
      undefined,
      "no audit service holds the OAuthClient entity",
    ],
    ["a mapping that is not one", { services: "all" }, undefined, "service mapping is not what Genesys documents"],
    ["a query answering 400", undefined, { status: 400, body: { message: "bad interval" } }, "400 - bad interval"],
    [
      "an entry without a date",
      undefined,
      { body: { entities: [{ action: "Update", entity: { id: "c-1" } }], pageCount: 1 } },
      "entities[0]: eventDate is not a date",
    ],
    ["entities that are not a list", undefined, { body: { entities: {}, pageCount: 1 } }, "entities is not a list"],
    ["a body that is not JSON", undefined, { body: "<html>" }, "not JSON"],
  ])("%s", async (_, mapping, answer, reason) => {
    const api = await scriptedApi((req) =>
      req.url!.endsWith("servicemapping")
        ? { body: mapping ?? { services: [{ name: "S", entities: [{ name: "OAuthClient" }] }] } }
        : (answer ?? { body: { entities: [], pageCount: 0 } }),
    );
    try {
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { sleep: async () => undefined });
      expect(read.changes).toEqual([]);
      expect(read.audit).toEqual({ kind: "unknown", reason: expect.stringContaining(reason) });
      expect((read.audit as { reason: string }).reason).not.toContain("\n");
    } finally {
      await api.close();
    }
  });

  it("a server that never answers is stopped at the call's deadline", async () => {
    const api = await silentApi();
    try {
      const started = Date.now();
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { timeoutMs: 200, sleep: async () => undefined });
      expect(read.audit).toEqual({ kind: "unknown", reason: expect.stringContaining("did not answer") });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await api.close();
    }
  });
});

describe("an AuditLogMessage as an AuditChange", () => {
  it("names the user where there is one, else the OAuth client, else unknown", () => {
    const base = { eventDate: "2026-12-01T10:00:00Z", action: "Update" };
    expect(auditChange({ ...base, user: { id: "u", name: "Ann" }, client: { id: "ui" } })).toMatchObject({
      actor: { kind: "user", id: "u", name: "Ann" },
    });
    expect(auditChange({ ...base, user: { id: "u" } })).toMatchObject({ actor: { kind: "user", id: "u" } });
    expect(auditChange({ ...base, client: { id: "script" } })).toMatchObject({ actor: { kind: "client", id: "script" } });
    expect(auditChange(base)).toMatchObject({ actor: { kind: "unknown" }, properties: [] });
  });

  it("keeps the org's text as it came (escaping is where it is shown), and refuses values that are not texts", () => {
    const change = auditChange({
      eventDate: "2026-12-01T10:00:00Z",
      action: "Update",
      user: { id: "u", name: "Ann\u001b[31m" },
      propertyChanges: [{ property: "name", oldValues: ["a"], newValues: ["b\u202e"] }],
    });
    expect(change).toMatchObject({ actor: { name: "Ann\u001b[31m" }, properties: [{ newValues: ["b\u202e"] }] });
    expect(auditChange({ eventDate: "2026-12-01T10:00:00Z", propertyChanges: [{ property: "name", newValues: [1] }] })).toContain(
      "not lists of texts",
    );
  });

  it("kept as drift reports are read: null as absent, the date as ISO-8601, texts cut, a secret's values never kept", () => {
    const long = "é".repeat(500);
    const change = auditChange({
      eventDate: "2026-12-01 10:00:00+01:00",
      action: null,
      user: { id: "u", name: long },
      propertyChanges: [
        { property: "clientSecret", oldValues: ["old-s3cr3t"], newValues: ["new-s3cr3t"] },
        { property: "name", oldValues: null, newValues: [long] },
        ...Array.from({ length: 30 }, (_, i) => ({ property: `p${i}`, oldValues: [], newValues: [] })),
      ],
    });
    expect(change).toMatchObject({ when: "2026-12-01T09:00:00.000Z", action: "", actor: { name: `${"é".repeat(200)}…` } });
    const { properties } = change as AuditChange;
    expect(properties[0]).toEqual({ property: "clientSecret", oldValues: [SECRET_VALUE], newValues: [SECRET_VALUE] });
    expect(properties[1]).toEqual({ property: "name", oldValues: [], newValues: [`${"é".repeat(200)}…`] });
    expect(properties).toHaveLength(MAX_AUDIT_PROPERTIES);
    expect(auditChange({ eventDate: "+275760-09-13T00:00:00.000Z" })).toBe("eventDate is not a date");
  });

  it("a page keeps only the entries about the client asked for, whatever the filter did", () => {
    const entry = (id: string) => ({ eventDate: "2026-12-01T10:00:00Z", action: "Update", entity: { id } });
    expect(auditPage({ entities: [entry("c-1"), entry("other"), entry("C-1")], pageCount: 1 }, "c-1")).toMatchObject({
      count: 3,
      changes: [{ action: "Update" }, { action: "Update" }],
    });
  });

  it("several services holding OAuthClient are each asked once, a service named twice once; none is an unknown", async () => {
    const entry = (id: string) => ({ eventDate: new Date().toISOString(), action: "Update", entity: { id } });
    const api = await scriptedApi((req) =>
      req.url!.endsWith("servicemapping")
        ? {
            body: {
              services: [
                { name: "A", entities: [{ name: "OAuthClient" }] },
                { name: "A", entities: [{ name: "OAuthClient" }] },
                { name: "B", entities: [{ name: "OAuthClient" }, { name: "User" }] },
                { name: "C", entities: [{ name: "User" }] },
              ],
            },
          }
        : { body: { entities: [entry("c-1")], pageCount: 1 } },
    );
    try {
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { sleep: async () => undefined });
      expect(read.changes).toHaveLength(2);
      expect(api.requests.filter((r) => r === "POST /api/v2/audits/query/realtime")).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it("the services holding OAuthClient are read from the mapping, whatever their names", () => {
    expect(
      servicesHolding({
        services: [{ name: "A", entities: [{ name: "oauthclient" }] }, { name: "B" }, { name: "C", entities: [{ name: "OAuthClient" }] }],
      }),
    ).toEqual(["A", "C"]);
    expect(servicesHolding({ services: [{ entities: [] }] })).toBeUndefined();
  });
});

describe("the whole audit has one deadline, whatever the API does", () => {
  it("a page larger than any the audit writes (4 MiB) is not read: who is unknown, and says why", async () => {
    const entry = { eventDate: new Date().toISOString(), action: "Update", entity: { id: "c-1" }, propertyChanges: [] };
    const api = await scriptedApi((req) =>
      req.url!.endsWith("servicemapping")
        ? { body: { services: [{ name: "S", entities: [{ name: "OAuthClient" }] }] } }
        : { body: { entities: Array(60_000).fill(entry), pageCount: 1 } },
    );
    try {
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { sleep: async () => undefined });
      expect(read).toEqual({ audit: { kind: "unknown", reason: expect.stringContaining("larger than 4 MiB") }, changes: [] });
    } finally {
      await api.close();
    }
  });

  it("a 429 with a Retry-After of minutes is an unknown at once, not a wait", async () => {
    const api = await scriptedApi((req) =>
      req.url!.endsWith("servicemapping")
        ? { body: { services: [{ name: "S", entities: [{ name: "OAuthClient" }] }] } }
        : { status: 429, headers: { "retry-after": "180" }, body: {} },
    );
    try {
      const started = Date.now();
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1");
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(read.audit).toEqual({ kind: "unknown", reason: expect.stringContaining("deadline of the whole") });
    } finally {
      await api.close();
    }
  });

  it("a server that never answers is stopped at the whole's deadline when it comes before the call's", async () => {
    const api = await silentApi();
    try {
      const started = Date.now();
      const read = await oauthClientAudit(api.deployment, TOKEN_ENV, "c-1", { deadlineAt: Date.now() + 300 });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(read.audit).toEqual({ kind: "unknown", reason: expect.stringContaining("deadline of the whole") });
    } finally {
      await api.close();
    }
  });
});

import fc from "fast-check";
import { additionalScopesOf, isScopeName, meantScope, scopesWith, SERVICE_CLOUD_VOICE_SCOPES } from "../../lib/shared/scopes";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";

describe("meantScope: the article's scope a misspelt one meant", () => {
  it.each([
    ["converstations", "conversations"],
    ["conversation", "conversations"],
    ["presense", "presence"],
    ["users:readnly", "users:readonly"],
    ["Conversations", "conversations"],
  ])("%s: %s", (scope, meant) => {
    expect(meantScope(scope)).toBe(meant);
  });

  // Genesys's own scopes nearest the seven (conversations:readonly, presence:readonly, users, routing, response-management)
  // are far from them: a scope Genesys added is never taken for a misspelling.
  it.each([
    ...SERVICE_CLOUD_VOICE_SCOPES,
    "conversations:readonly",
    "presence:readonly",
    "users",
    "routing",
    "response-management",
    "analytics:readonly",
    "alerting",
    "user-basic-info",
  ])("%s: none", (scope) => {
    expect(meantScope(scope)).toBeUndefined();
  });
});

describe("scopes", () => {
  it("are exactly the seed article's seven by default", () => {
    expect(scopesWith([])).toEqual(SEED_ARTICLE_SCOPES);
    expect(additionalScopesOf([])).toEqual([]);
  });

  it("adds extra scopes deduplicated and sorted, and lists only those beyond the seed as extra", () => {
    expect(scopesWith(["analytics:readonly", "presence", "analytics:readonly", "alerting"])).toEqual(
      ["alerting", "analytics:readonly", ...SERVICE_CLOUD_VOICE_SCOPES].sort(),
    );
    expect(additionalScopesOf(["analytics:readonly", "presence", "analytics:readonly", "alerting"])).toEqual([
      "alerting",
      "analytics:readonly",
    ]);
  });

  it.each(["conversations", "response-management:readonly", "external-contacts", "a"])("accepts the name %s", (s) => {
    expect(isScopeName(s)).toBe(true);
  });
  it.each(["", "Conversations", "users:write", "users:readonly:readonly", "-users", "users-", "users--x", "users readonly", "users_x"])(
    "rejects the name %j",
    (s) => {
      expect(isScopeName(s)).toBe(false);
    },
  );

  it("property: the result always holds the seed's seven, sorted, without duplicates", () => {
    const scope = fc.stringMatching(/^[a-z]+(-[a-z]+)*(:readonly)?$/);
    fc.assert(
      fc.property(fc.array(scope, { maxLength: 10 }), (extra) => {
        const scopes = scopesWith(extra);
        for (const s of SERVICE_CLOUD_VOICE_SCOPES) expect(scopes).toContain(s);
        expect(new Set(scopes).size).toBe(scopes.length);
        expect([...scopes].sort()).toEqual(scopes);
        expect(additionalScopesOf(extra).every((s) => !SERVICE_CLOUD_VOICE_SCOPES.includes(s) && extra.includes(s))).toBe(true);
      }),
    );
  });
});

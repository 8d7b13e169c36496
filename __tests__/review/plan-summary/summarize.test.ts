import fc from "fast-check";
import { join } from "path";
import { readPlan, ResourceChange } from "../../../lib/review/plan-summary/plans";
import { Forms, kindOf, listChanges, summarizeChange, summarizePlans } from "../../../lib/review/plan-summary/summarize";

const fixture = (name: string) => readPlan(join(__dirname, "../../fixtures/plans", `${name}.json`));
const only = (name: string) => summarizePlans([fixture(name)]).stacks[0];

describe("kindOf", () => {
  it.each([
    [["no-op"], "no-op"],
    [["create"], "create"],
    [["read"], "read"],
    [["update"], "update"],
    [["delete", "create"], "replace"],
    [["create", "delete"], "replace"],
    [["delete"], "delete"],
    [["forget"], "forget"],
  ])("%j is %s", (actions, kind) => {
    expect(kindOf(actions)).toBe(kind);
  });
});

describe("summarizePlans", () => {
  it("create: counted, with the configured settings and nothing unknown or secret", () => {
    const stack = only("create");
    expect(stack.counts).toEqual({ create: 1, update: 0, replace: 0, delete: 0, import: 0, "no-op": 0 });
    expect(stack.changes[0].details).toEqual([
      'name: "Salesforce Service Cloud Voice (acme.lightning.force.com)"',
      'description: "Used by the Lightning app"',
      'grant type: "TOKEN"',
      "token lifetime (seconds): 86400",
      'scopes: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"]',
      'redirect URIs: ["https://acme.lightning.force.com/lightning/page/home"]',
      'state: "active"',
      "expose_client_secret: false",
    ]);
    expect(stack.changes[0].dangerous).toBe(false);
    expect(stack.changes[0].warnings).toEqual([
      'SCV-R3: a new implicit-grant client: Genesys no longer creates these, so the apply may fail. Use the authorization-code grant (oauthClient.grantType "authorization-code"), configured in the Salesforce package first',
    ]);
  });

  it("update in place: attribute by attribute, sets as added and removed, data sources left out", () => {
    const stack = only("update");
    expect(stack.counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0, import: 0, "no-op": 0 });
    expect(stack.changes).toHaveLength(1);
    expect(stack.changes[0].details).toEqual([
      'name: "Salesforce Service Cloud Voice (acme.lightning.force.com)" → "SCV production"',
      'description: "Used by the Lightning app" → "Softphone <b>login</b>"',
      'grant type: "TOKEN" → "CODE"',
      "token lifetime (seconds): 86400 → 3600",
      'scopes: + "analytics:readonly", − "upload"',
      'redirect URIs: + "https://globex.my-lightning.com/lightning/page/home", − "https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback"',
      'state: "active" → "inactive"',
    ]);
  });

  it("flags, less loudly, each with its rule id: inactive, a Salesforce redirect URI removed, scopes below the article's seven, a foreign host", () => {
    expect(only("update").changes[0].warnings).toEqual([
      "SCV-R4: state → inactive: no new tokens; agents lose softphone login",
      "SCV-R5: Salesforce redirect URI removed: https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback: that org's Lightning app can no longer log in through it",
      "SCV-R6: scopes below the article's seven: missing upload",
      "SCV-R7: redirect URI https://globex.my-lightning.com/lightning/page/home is not on a host of the client's Salesforce org (its Lightning host is acme.lightning.force.com): agents' tokens can be sent there",
    ]);
  });

  it.each(["replace-delete-create", "replace-create-delete"])("%s: a replaced client is dangerous, with its reasons", (name) => {
    const [change] = only(name).changes;
    expect(change.kind).toBe("replace");
    expect(change.dangerous).toBe(true);
    expect(change.details).toContain('client_id: "9d1d6f4e-0000-4000-8000-000000000001" → (known after apply)');
  });

  it("replace reasons in words: action_reason and replace_paths", () => {
    expect(only("replace-delete-create").changes[0].reasons).toEqual([
      "an attribute that forces replacement changed",
      "name forces replacement",
    ]);
    expect(only("replace-create-delete").changes[0].reasons).toEqual(["replacement was requested (-replace)"]);
  });

  it("delete: dangerous, with the name and the id that goes away", () => {
    const stack = only("delete");
    expect(stack.counts.delete).toBe(1);
    expect(stack.changes[0]).toMatchObject({
      kind: "delete",
      dangerous: true,
      reasons: ["it is no longer in the configuration (a removed deployment, or a changed construct id)"],
      details: ['name: "Salesforce Service Cloud Voice (acme.lightning.force.com)"', 'id: "9d1d6f4e-0000-4000-8000-000000000001"'],
    });
  });

  it("no-op: counted, not listed", () => {
    const stack = only("no-op");
    expect(stack.counts["no-op"]).toBe(1);
    expect(stack.changes).toEqual([]);
  });

  it("imports: counted beside their action, listed with the id", () => {
    const stack = only("import");
    expect(stack.counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0, import: 2, "no-op": 1 });
    expect(stack.changes.map((c) => [c.kind, c.importId])).toEqual([
      ["no-op", "9d1d6f4e-0000-4000-8000-000000000001"],
      ["update", "77777777-0000-4000-8000-000000000002"],
    ]);
  });

  it("drift: what changed outside Terraform, apart from what the plan changes", () => {
    const stack = only("drift");
    expect(stack.drift.map((d) => d.details)).toEqual([
      ['name: "Salesforce Service Cloud Voice (acme.lightning.force.com)" → "Renamed in the admin UI"', 'scopes: + "alerting"'],
    ]);
    expect(stack.changes[0].details).toEqual([
      'name: "Renamed in the admin UI" → "Salesforce Service Cloud Voice (acme.lightning.force.com)"',
      'scopes: − "alerting"',
    ]);
  });

  it("sensitive values: marked ones and client secrets the plan did not mark are masked, changes still reported", () => {
    const stack = only("sensitive");
    expect(stack.changes[0].details).toEqual([
      "description: (sensitive) → (sensitive)",
      "client_secret: (sensitive) → (sensitive)",
      "directory_client_secret: (sensitive) → (sensitive)",
    ]);
    expect(JSON.stringify(stack)).not.toMatch(/s3cr3t|hidden-description/);
  });

  it("a whole value marked sensitive hides every attribute; unknown values are (known after apply)", () => {
    const rc: ResourceChange = {
      address: "x.y",
      type: "x",
      change: {
        actions: ["update"],
        before: { a: "one", b: "two", c: null },
        after: { a: "uno", b: "two", c: null },
        before_sensitive: true,
        after_sensitive: true,
        after_unknown: { c: true },
      },
    };
    expect(summarizeChange(rc).details).toEqual(["a: (sensitive) → (sensitive)", "c: (none) → (known after apply)"]);
  });

  it("counts and totals across several stacks", () => {
    const summary = summarizePlans(["create", "update", "delete", "import", "no-op"].map(fixture));
    expect(summary.stacks.map((s) => s.stack)).toEqual(["create", "update", "delete", "import", "no-op"]);
    expect(summary.totals).toEqual({ create: 1, update: 2, replace: 0, delete: 1, import: 2, "no-op": 2 });
  });
});

describe("sensitive values, wherever the summary says them", () => {
  const secretName = 'Acme ${file("/proc/self/environ")}-result AWS_SECRET_ACCESS_KEY=abc123';
  const foreign = "https://evil.example/lightning/page/home";
  /** A replaced client (a caution) whose name and redirect URIs the plan marks sensitive, on a foreign host (a warning). */
  const rc: ResourceChange = {
    address: "genesyscloud_oauth_client.c",
    mode: "managed",
    type: "genesyscloud_oauth_client",
    name: "c",
    change: {
      actions: ["delete", "create"],
      before: { name: secretName, authorized_grant_type: "TOKEN", registered_redirect_uris: [foreign], scopes: [] },
      after: { name: secretName, authorized_grant_type: "TOKEN", registered_redirect_uris: [foreign], scopes: [] },
      after_unknown: {},
      before_sensitive: { name: true, registered_redirect_uris: [true] },
      after_sensitive: { name: true, registered_redirect_uris: [true] },
    },
  } as unknown as ResourceChange;

  it("are masked in the headline's name, the cautions, the warnings and the details", () => {
    const summary = summarizeChange(rc);
    expect(summary.name).toBe("(sensitive)");
    expect(summary.dangerous).toBe(true);
    expect(JSON.stringify(summary)).not.toMatch(/abc123|evil\.example/);
  });

  it("are masked when the whole object is marked sensitive", () => {
    const whole = { ...rc, change: { ...rc.change, before_sensitive: true, after_sensitive: true } } as ResourceChange;
    expect(JSON.stringify(summarizeChange(whole))).not.toMatch(/abc123|evil\.example/);
  });
});

describe("a name or description that looks like an evaluated template (SCV-R8)", () => {
  const environ = "AWS_SECRET_ACCESS_KEY=abc123\u0000HOME=/root\u0000";
  const rc = {
    address: "genesyscloud_oauth_client.c",
    mode: "managed",
    type: "genesyscloud_oauth_client",
    name: "c",
    change: {
      actions: ["update"],
      before: { name: "SCV", description: "d", authorized_grant_type: "TOKEN", scopes: [], registered_redirect_uris: [] },
      after: { name: `SCV ${environ}`, description: environ, authorized_grant_type: "TOKEN", scopes: [], registered_redirect_uris: [] },
      after_unknown: {},
    },
  } as unknown as ResourceChange;

  it("holds the plan, and its value is shown nowhere: not in the headline, the details or the rule's words", () => {
    const summary = summarizeChange(rc);
    expect(summary.dangerous).toBe(true);
    expect(summary.cautions.join("\n")).toContain("SCV-R8: the planned name");
    expect(summary.name).toBe("(not shown: see SCV-R8)");
    expect(summary.details).toContain('name: "SCV" → (not shown: see SCV-R8)');
    expect(JSON.stringify(summary)).not.toMatch(/abc123/);
  });
});

describe("a client deleted outside Terraform and created again (SCV-R9)", () => {
  it("holds the plan: the drift's delete and the plan's create of one address", () => {
    const address = "genesyscloud_oauth_client.c";
    const client = { name: "SCV", authorized_grant_type: "CODE", scopes: [], registered_redirect_uris: [] };
    const plan = {
      format_version: "1.2",
      planned_values: { root_module: {} },
      resource_drift: [
        {
          address,
          mode: "managed",
          type: "genesyscloud_oauth_client",
          name: "c",
          change: { actions: ["delete"], before: client, after: null },
        },
      ],
      resource_changes: [
        {
          address,
          mode: "managed",
          type: "genesyscloud_oauth_client",
          name: "c",
          change: { actions: ["create"], before: null, after: client, after_unknown: { id: true } },
        },
      ],
    };
    const [change] = summarizePlans([{ stack: "production", file: "production.json", plan } as never]).stacks[0].changes;
    expect(change.dangerous).toBe(true);
    expect(change.cautions).toEqual([expect.stringMatching(/^SCV-R9: the client was deleted outside Terraform since the last apply/)]);
  });
});

describe("comparing a plan's values: lists in any order, at any depth of lists within lists", () => {
  /** The comparison as it was (a search of one list per item of the other), which Forms replaces. */
  function searched(a: unknown, b: unknown): boolean {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.some((y) => searched(x, y)));
    return JSON.stringify(a) === JSON.stringify(b);
  }
  /** The lists' changes as they were told: each item the other list has nowhere. */
  const searchedChanges = (from: unknown[], to: unknown[]) => ({
    added: to.filter((x) => !from.some((y) => searched(x, y))),
    removed: from.filter((x) => !to.some((y) => searched(x, y))),
  });
  /** Same items, each as often: the search, but each item of the other list matched once. */
  function matched(a: unknown, b: unknown): boolean {
    if (!Array.isArray(a) || !Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
    if (a.length !== b.length) return false;
    const unused = [...b];
    return a.every((x) => {
      const i = unused.findIndex((y) => matched(x, y));
      return i !== -1 && unused.splice(i, 1).length === 1;
    });
  }

  // Few leaves and short lists, so that equal items (duplicates) and equal lists in another order are frequent.
  const values = (unique: boolean) =>
    fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", maxDepth: 4 },
        fc.constantFrom<unknown>(null, true, 0, 1, "a", "b"),
        unique
          ? fc.uniqueArray(tie("value"), { maxLength: 4, selector: (v) => JSON.stringify(canonical(v)) })
          : fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom("k", "l"), tie("value"), { maxKeys: 2 }),
      ),
    })).value;
  /** What Forms compares, as a value (lists sorted by their items' forms): for uniqueArray's selector. */
  function canonical(value: unknown): unknown {
    return Array.isArray(value)
      ? value
          .map(canonical)
          .map((v) => JSON.stringify(v))
          .sort()
      : value;
  }
  /** A value and another: the same lists shuffled at every depth, or any other value. */
  const pairs = (unique: boolean) =>
    values(unique).chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.oneof(
          fc.integer().map((seed) => shuffled(a, seed)),
          values(unique),
          fc.constant(a),
        ),
      ),
    );
  function shuffled(value: unknown, seed: number): unknown {
    if (!Array.isArray(value)) return value;
    let s = seed;
    const items = value.map((item) => shuffled(item, (s = (s * 1103515245 + 12345) | 0)));
    for (let i = items.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) | 0;
      const j = Math.abs(s) % (i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  it("is the old search wherever no list holds an item twice", () => {
    fc.assert(
      fc.property(pairs(true), ([a, b]) => {
        expect(new Forms().same(a, b)).toBe(searched(a, b));
        if (Array.isArray(a) && Array.isArray(b)) expect(listChanges(a, b)).toEqual(searchedChanges(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("with items held twice: the same items each as often, which the old search also saw as the same", () => {
    fc.assert(
      fc.property(pairs(false), ([a, b]) => {
        const same = new Forms().same(a, b);
        expect(same).toBe(matched(a, b));
        expect(same).toBe(new Forms().same(b, a));
        // Never the same where the old search saw a change: a change is never hidden that was shown.
        if (same) expect(searched(a, b)).toBe(true);
        if (Array.isArray(a) && Array.isArray(b)) {
          const { added, removed } = listChanges(a, b);
          // What is added and removed is what a list lacks, each as often: adding it and taking it away makes the lists the same.
          expect(matched([...a, ...added], [...b, ...removed])).toBe(true);
          expect(added.length === 0 && removed.length === 0).toBe(same);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("an item held more often is a change, which the old search hid", () => {
    expect(new Forms().same(["a", "a", "b"], ["a", "b", "c"])).toBe(false);
    expect(searched(["a", "a", "b"], ["a", "b", "c"])).toBe(true);
    expect(listChanges(["a", "a", "b"], ["a", "b", "c"])).toEqual({ added: ["c"], removed: ["a"] });
    const rc = {
      address: "genesyscloud_oauth_client.c",
      mode: "managed",
      type: "genesyscloud_oauth_client",
      name: "c",
      change: { actions: ["update"], before: { scopes: ["users", "users", "upload"] }, after: { scopes: ["users", "upload", "admin"] } },
    } as unknown as ResourceChange;
    expect(summarizeChange(rc).details).toEqual(['scopes: + "admin", − "users"']);
  });

  it("objects compare as their JSON, as before: their keys' order and the order of lists inside them count", () => {
    const forms = new Forms();
    expect(forms.same([{ k: [1, 2] }], [{ k: [2, 1] }])).toBe(false);
    expect(forms.same({ k: 1, l: 2 }, { l: 2, k: 1 })).toBe(false);
    expect(forms.same([[1, [2, 3]], 4], [4, [[3, 2], 1]])).toBe(true);
    expect(forms.same(undefined, null)).toBe(false);
    expect(forms.same([], {})).toBe(false);
  });
});

import fc from "fast-check";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { EXIT } from "../../../lib/review/plan-summary/cli";
import { ResourceChange } from "../../../lib/review/plan-summary/plans";
import { kindOf, summarizeChange } from "../../../lib/review/plan-summary/summarize";
import { at, run } from "../../support/plan-summary-run";
import { tempDir } from "../../support/temp-dir";

describe("plan-summary exit codes", () => {
  it("0: the summary is written", () => {
    const { code, out, err } = run(at("create", "update", "no-op"));
    expect([code, err]).toEqual([EXIT.ok, ""]);
    expect(out).toContain("### Terraform plan: 3 stacks");
  });

  it.each(["delete", "replace-delete-create", "replace-create-delete"])("2: %s holds the plan (the gate)", (name) => {
    const { code, out } = run(at(name));
    expect(code).toBe(2);
    expect(out).toContain("[!CAUTION]");
  });

  it("0 with --allow-destroy", () => {
    expect(run(["--allow-destroy", ...at("delete")]).code).toBe(0);
  });

  it("1: malformed input, one message naming the file, nothing on stdout", () => {
    const { code, out, err } = run(at("create", "malformed"));
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/malformed\.json has 1 problem:\n {2}- \(line 2, column 19\)/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("1: bad arguments, one message naming the options allowed", () => {
    const { code, err } = run(["--jsn", "x", ...at("create")]);
    expect(code).toBe(1);
    expect(err).toBe(
      'plan-summary: options: given "--jsn"; allowed: --json <file>, --allow-destroy, --drift, --drift-report <file> (once per <file>), --base-deployments <json>, --head-deployments <json>, ' +
        '-h/--help (npx genesys-scv-oauth-client plan-summary --help says what each does) (did you mean "--json"?)\n',
    );
  });
});

describe("plan-summary --json", () => {
  it("writes the verdict: gate, counts, dangers, warnings, masked changes", () => {
    const file = join(tempDir("verdict-"), "verdict.json");
    expect(run(["--json", file, ...at("update", "delete", "sensitive")]).code).toBe(2);
    const verdict = JSON.parse(readFileSync(file, "utf8"));
    expect(verdict.gate).toBe("held");
    expect(verdict.totals).toEqual({ create: 0, update: 2, replace: 0, delete: 1, import: 0, "no-op": 0 });
    expect(verdict.dangers).toEqual([
      {
        stack: "delete",
        address: "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E",
        name: "Salesforce Service Cloud Voice (acme.lightning.force.com)",
        kind: "delete",
        reasons: ["it is no longer in the configuration (a removed deployment, or a changed construct id)"],
        cautions: [expect.stringMatching(/^SCV-R2: it uses the implicit grant, and Genesys no longer creates implicit-grant clients/)],
      },
      {
        // A description the plan marks sensitive is held: no deployments file writes one so (SCV-R8).
        stack: "sensitive",
        address: "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E",
        name: "Salesforce Service Cloud Voice (acme.lightning.force.com)",
        kind: "update",
        reasons: [],
        cautions: [expect.stringMatching(/^SCV-R8: the planned description is marked sensitive \(not shown\)/)],
      },
    ]);
    expect(verdict.warnings.map((w: any) => w.warning.split(":")[0])).toEqual(["SCV-R4", "SCV-R5", "SCV-R6", "SCV-R7"]);
    expect(JSON.stringify(verdict)).not.toMatch(/s3cr3t|hidden-description/);
  });

  it("gate is allowed with --allow-destroy, clear without dangers", () => {
    const dir = tempDir("verdict-");
    run(["--json", join(dir, "a.json"), "--allow-destroy", ...at("delete")]);
    run(["--json", join(dir, "c.json"), ...at("create")]);
    expect(JSON.parse(readFileSync(join(dir, "a.json"), "utf8")).gate).toBe("allowed");
    expect(JSON.parse(readFileSync(join(dir, "c.json"), "utf8")).gate).toBe("clear");
  });

  describe("--json FILE never loses a file and never half-writes one", () => {
    const copyOf = (name: string) => {
      const file = join(tempDir("verdict-"), `${name}.json`);
      writeFileSync(file, readFileSync(at(name)[0]));
      return file;
    };

    it("a plan given as its value by mistake is left as it is", () => {
      const create = copyOf("create");
      const before = readFileSync(create, "utf8");
      const { code, out, err } = run(["--json", create, ...at("update")]);
      expect([code, out]).toEqual([EXIT.input, ""]);
      expect(err).toContain(`--json: given ${JSON.stringify(create)}: a file that is not an earlier verdict, which this would overwrite`);
      expect(readFileSync(create, "utf8")).toBe(before);
    });

    it("a plan that is also read is refused as such", () => {
      const create = copyOf("create");
      expect(run(["--json", create, create]).err).toContain(": one of the plans read;");
    });

    it.each([
      ["a folder", (dir: string) => dir],
      ["its folder does not exist", (dir: string) => join(dir, "missing", "verdict.json")],
    ])("%s: one message, nothing written", (why, target) => {
      const dir = tempDir("verdict-");
      const { code, err } = run(["--json", target(dir), ...at("create")]);
      expect(code).toBe(EXIT.input);
      expect(err).toBe(
        `plan-summary: --json: given ${JSON.stringify(target(dir))}: ${why}; allowed: a file to write the verdict to, in an existing folder, other than the plans read\n`,
      );
      expect(readdirSync(dir)).toEqual([]);
    });

    it("a device as --json is refused: nothing written", () => {
      const { code, err } = run(["--json", "/dev/null", ...at("create")]);
      expect(code).toBe(EXIT.input);
      expect(err).toContain(`--json: given "/dev/null": a FIFO, device or socket, not a regular file;`);
    });

    it("a verdict left in the folder of plans, under any name, never breaks a later run without --json or with another", () => {
      const dir = tempDir("verdict-");
      writeFileSync(join(dir, "production.json"), readFileSync(at("update")[0]));
      expect(run(["--json", join(dir, "old-verdict.json"), dir]).code).toBe(EXIT.ok);
      for (const args of [[dir], ["--json", join(tempDir("elsewhere-"), "v.json"), dir]]) {
        const again = run(args);
        expect([again.code, again.err]).toEqual([EXIT.ok, ""]);
        expect(again.out).toContain("### Terraform plan: 1 stack");
      }
      const named = run([join(dir, "old-verdict.json")]);
      expect(named.code).toBe(EXIT.input);
      expect(named.err).toContain("given a plan-summary verdict (--json), not a plan;");
    });

    it("a verdict written into the folder of plans is not read as a plan on the next run", () => {
      const dir = tempDir("verdict-");
      writeFileSync(join(dir, "production.json"), readFileSync(at("update")[0]));
      const verdict = join(dir, "verdict.json");
      expect(run(["--json", verdict, dir]).code).toBe(EXIT.ok);
      const again = run(["--json", verdict, dir]);
      expect([again.code, again.err]).toEqual([EXIT.ok, ""]);
      expect(again.out).toContain("### Terraform plan: 1 stack");
    });

    it("an empty path is refused, not taken as no --json", () => {
      const { code, out, err } = run(["--json", "", ...at("create")]);
      expect([code, out]).toEqual([EXIT.input, ""]);
      expect(err).toContain('--json: given "": an empty path;');
    });

    it("an earlier verdict is replaced", () => {
      const file = join(tempDir("verdict-"), "verdict.json");
      run(["--json", file, ...at("create")]);
      expect(run(["--json", file, "--allow-destroy", ...at("delete")]).code).toBe(EXIT.ok);
      expect(JSON.parse(readFileSync(file, "utf8")).gate).toBe("allowed");
    });
  });
});

describe("notes beside the plans (<stack>.note.json, npm run adopt --guard writes one)", () => {
  it("are said under the warnings, each line of its own; a note for a stack no plan names is refused", () => {
    const dir = tempDir("notes-");
    writeFileSync(join(dir, "production.json"), readFileSync(at("update")[0]));
    writeFileSync(
      join(dir, "production.note.json"),
      JSON.stringify({
        stack: "production",
        note: "the org already has a client on acme.lightning.force.com\nAdopt it: npm run adopt -- production --write",
      }),
    );
    const { code, out } = run([dir]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain(
      "> - `production`: the org already has a client on acme&#46;lightning&#46;force&#46;com\n>   - Adopt it: npm run adopt -- production --write",
    );
    writeFileSync(join(dir, "staging.note.json"), JSON.stringify({ stack: "staging", note: "x" }));
    const refused = run([dir]);
    expect(refused.code).toBe(EXIT.input);
    expect(refused.err).toContain('stack: given "staging"; allowed: the stack of one of the plans read (production)');
  });
});

describe("attributes named like members of every object (toString, constructor, __proto__, ...)", () => {
  const PROTOTYPE_KEYS = [
    "toString",
    "valueOf",
    "constructor",
    "__proto__",
    "hasOwnProperty",
    "isPrototypeOf",
    "toLocaleString",
    "__defineGetter__",
  ];
  // The client's own attributes are left out: what the rules say of them is their own tests' business.
  const CLIENT_KEYS = new Set([
    "id",
    "name",
    "description",
    "authorized_grant_type",
    "access_token_validity_seconds",
    "scopes",
    "registered_redirect_uris",
    "state",
  ]);
  const client = {
    name: "Salesforce Service Cloud Voice (acme.lightning.force.com)",
    authorized_grant_type: "CODE",
    access_token_validity_seconds: 86400,
    state: "active",
    scopes: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"],
    registered_redirect_uris: ["https://acme.lightning.force.com/lightning/page/home"],
  };
  const ACTIONS = [["create"], ["update"], ["no-op"], ["delete"], ["delete", "create"], ["create", "delete"]];
  const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })).filter((k) => !CLIENT_KEYS.has(k));
  const value = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    fc.constant(null),
  );
  const extra = fc.uniqueArray(
    fc.record({
      key,
      side: fc.constantFrom("before", "after", "both"),
      before: value,
      after: value,
      marked: fc.constantFrom("no", "sensitive", "unknown"),
    }),
    {
      selector: (e) => e.key,
      minLength: 1,
      maxLength: 4,
    },
  );
  // Built with defineProperty-like semantics (fromEntries), so that __proto__ is an own key, as JSON.parse makes it.
  const record = (entries: [string, unknown][]) => Object.fromEntries(entries);
  const dir = tempDir("prototype-keys-");

  it("are attributes like any other: no crash, the gate's exit code (2 for a delete or replace), each one-sided attribute shown", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        extra,
        fc.constantFrom(undefined, "toString", "constructor", "replace_because_tainted"),
        (actions, extras, reason) => {
          const kind = kindOf(actions);
          const side = (which: "before" | "after") =>
            (which === "before" && kind === "create") || (which === "after" && kind === "delete")
              ? null
              : { ...client, ...record(extras.filter((e) => e.side === which || e.side === "both").map((e) => [e.key, e[which]])) };
          const marks = (mark: string) => record(extras.filter((e) => e.marked === mark).map((e) => [e.key, true]));
          const change = {
            actions,
            before: side("before"),
            after: side("after"),
            before_sensitive: marks("sensitive"),
            after_sensitive: marks("sensitive"),
            after_unknown: marks("unknown"),
          };
          const plan = {
            format_version: "1.2",
            planned_values: {},
            resource_changes: [
              { address: "genesyscloud_oauth_client.c", type: "genesyscloud_oauth_client", action_reason: reason, change },
            ],
          };
          const file = join(dir, "production.json");
          writeFileSync(file, JSON.stringify(plan));
          const { code, out, err } = run([file]);
          expect([code, err]).toEqual([["delete", "replace"].includes(kind) ? EXIT.gate : EXIT.ok, ""]);
          expect(out).not.toMatch(/function|\[native code\]|\[object Object\]/);
          if (kind === "update") {
            const details = summarizeChange(plan.resource_changes[0] as ResourceChange).details;
            for (const e of extras.filter((e) => e.side !== "both")) expect(details.some((d) => d.startsWith(`${e.key}: `))).toBe(true);
          }
        },
      ),
    );
  });

  it.each(PROTOTYPE_KEYS)("%s on one side of an update is shown as removed, not as what every object has", (name) => {
    const before = { ...client, ...record([[name, "x"]]) };
    const details = summarizeChange({
      address: "genesyscloud_oauth_client.c",
      type: "genesyscloud_oauth_client",
      change: { actions: ["update"], before, after: client },
    }).details;
    expect(details).toEqual([`${name}: "x" → (none)`]);
  });

  it.each(PROTOTYPE_KEYS)("%s on one side of a delete holds the plan, said in one comment", (name) => {
    const file = join(dir, `${name}.json`);
    const before = { ...client, ...record([[name, "x"]]) };
    writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        planned_values: {},
        resource_changes: [
          {
            address: "genesyscloud_oauth_client.c",
            type: "genesyscloud_oauth_client",
            change: { actions: ["delete"], before, after: null },
          },
        ],
      }),
    );
    const { code, out, err } = run([file]);
    expect([code, err]).toEqual([EXIT.gate, ""]);
    expect(out).toContain("[!CAUTION]");
  });
});

describe("what would stop the deploy (guard --note writes { stack, stops }; a deployment without a plan): exit 3, said first, no label lets it through", () => {
  const stops = (dir: string, stack: string, reasons: string[]) =>
    writeFileSync(join(dir, `${stack}.note.json`), JSON.stringify({ stack, stops: reasons }));

  it("a guard's reasons, beside a plan or where its job stopped before planning, whatever --allow-destroy says", () => {
    const dir = tempDir("stops-");
    writeFileSync(join(dir, "production.json"), readFileSync(at("delete")[0]));
    stops(dir, "production", ['the org already has a client for Salesforce org acme\nclient 1 "SCV"']);
    stops(dir, "uat", ["no Genesys Cloud credentials: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET is set."]);
    const json = join(tempDir("verdict-"), "verdict.json");
    for (const allow of [[], ["--allow-destroy"]]) {
      const { code, out } = run([dir, "--json", json, ...allow]);
      expect(code).toBe(EXIT.stopped);
      const [caution] = out.split("\n\n").filter((block) => block.startsWith("> [!CAUTION]"));
      expect(caution).toContain("The deploy after the merge would stop for 2 deployments");
      expect(caution).toContain("No label lets this through");
      expect(caution).toContain("> - `production`: the org already has a client for Salesforce org acme\n>   - client 1");
      expect(caution).toContain("> - `uat`: no Genesys Cloud credentials: none of GENESYSCLOUD&#95;OAUTHCLIENT&#95;ID");
      expect(JSON.parse(readFileSync(json, "utf8"))).toMatchObject({
        gate: "stopped",
        stopped: [{ stack: "production" }, { stack: "uat" }],
      });
    }
  });

  it.each([
    [["--head-deployments", "[]"], "--base-deployments", "--head-deployments without --base-deployments", "--head-deployments"],
    [["--base-deployments", "[]"], "--head-deployments", "--base-deployments without --head-deployments", "--base-deployments"],
    [["--base-deployments", "x", "--head-deployments", "[]"], "--base-deployments", '"x"', "--head-deployments"],
  ])("%j: one message saying what is missing or wrong, in words", (argv, place, given, other) => {
    const { code, err } = run([...argv, ...at("create")]);
    expect(code).toBe(EXIT.input);
    expect(err).toBe(
      `plan-summary: ${place}: given ${given}; allowed: a JSON array of deployment names, as npx genesys-scv-oauth-client deployments --json prints it, with ${other}: both or neither\n`,
    );
  });

  it("no plan: the command line's one form, not a file's problem list", () => {
    const { code, err } = run([]);
    expect([code, err]).toEqual([
      EXIT.input,
      "plan-summary: <plan file or folder>: given nothing; allowed: one or more plan files, or folders holding them (*.json); none only with --head-deployments\n",
    ]);
  });

  it("--head-deployments: each deployment without a plan or a reason is named; no plan at all is still a comment", () => {
    const dir = tempDir("missing-");
    writeFileSync(join(dir, "production.json"), readFileSync(at("create")[0]));
    const head = ["--base-deployments", "[]", "--head-deployments", '["production","uat","eu"]'];
    const some = run([dir, ...head]);
    expect(some.code).toBe(EXIT.stopped);
    expect(some.out).toContain("would stop for 2 deployments");
    expect(some.out).toContain("> - `uat`: its plan job made no plan");
    expect(some.out).toContain("> - `eu`: its plan job made no plan");
    expect(some.out).toContain("### Terraform plan: 1 stack");
    const none = run([tempDir("no-plans-"), ...head]);
    expect([none.code, none.err]).toEqual([EXIT.stopped, ""]);
    expect(none.out).toContain("would stop for 3 deployments");
    // A file without deployments: nothing to plan, nothing stops.
    const empty = run([tempDir("no-plans-"), "--base-deployments", "[]", "--head-deployments", "[]"]);
    expect([empty.code, empty.err]).toEqual([EXIT.ok, ""]);
    expect(empty.out).toContain("### Terraform plan: 0 stacks");
    // Without the lists, no plan is still an error: a typo in a folder is not an empty review.
    expect(run([tempDir("no-plans-")]).code).toBe(EXIT.input);
  });

  it("a stops note that is not a list of texts is refused, naming the file", () => {
    const dir = tempDir("stops-bad-");
    writeFileSync(join(dir, "production.json"), readFileSync(at("create")[0]));
    writeFileSync(join(dir, "production.note.json"), JSON.stringify({ stack: "production", stops: [1] }));
    const { code, err } = run([dir]);
    expect(code).toBe(EXIT.input);
    expect(err).toContain("production.note.json has 1 problem");
    expect(err).toContain("stops: given a list that is not of texts");
  });
});

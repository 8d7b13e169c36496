import { join } from "path";
import { tempDir } from "../../support/temp-dir";
import { DRIFT_REPORT_FILE, instantTime, MAX_DRIFT_REPORT_BYTES, readDriftReports } from "../../../lib/review/plan-summary/drift-reports";
import { InputError } from "../../../lib/shared/problems";
import { readFileSync } from "fs";
import fc from "fast-check";
import {
  DriftReport,
  MAX_AUDIT_PROPERTIES,
  MAX_AUDIT_REASON,
  MAX_AUDIT_TEXT,
  MAX_AUDIT_VALUES,
  SECRET_VALUE,
} from "../../../lib/shared/drift-report";
import { changed, deleted, entry, NO_PERMISSION, reportFile } from "../../support/drift-reports";
import { at, run } from "../../support/plan-summary-run";

const fixture = join(__dirname, "../../fixtures/drift-reports/production.json");

/** The one message readDriftReports throws for `reports` written as a file, with the file's name as FILE. */
function messageFor(reports: unknown): string {
  const file = reportFile(reports);
  try {
    readDriftReports([file]);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message.split(file).join("FILE");
  }
  throw new Error("no message");
}

const good = changed("production", [
  {
    attribute: "state",
    inState: "active",
    inOrg: "inactive",
    changedBy: entry({ kind: "user", id: "u-1", name: "Jane" }, "state", ["active"], ["inactive"]),
  },
]);

describe("the drift command's --json output, read as plan-summary's --drift-report", () => {
  it("reads the drift command's list of reports, in order, from one file or several", () => {
    const other = deleted("uat", entry({ kind: "client", id: "c-9" }, "name", ["SCV"], [], "Delete"), {
      kind: "unknown",
      reason: NO_PERMISSION,
    });
    expect(readDriftReports([fixture, reportFile([other])]).map((r) => [r.deployment, r.client])).toEqual([
      ["production", "changed"],
      ["uat", "deleted"],
    ]);
    expect(readDriftReports([reportFile([])])).toEqual([]);
  });
});

describe("a bad drift report file is one message: the file, the JSON path, what was given, what is allowed", () => {
  it("a file larger than any the drift command writes, or a folder: refused before it is read, in one message", () => {
    expect(messageFor(" ".repeat(MAX_DRIFT_REPORT_BYTES + 1))).toBe(
      `FILE has 1 problem:\n  - (file): given a file of 16 MiB; allowed: ${DRIFT_REPORT_FILE}, of at most 16 MiB`,
    );
    // (A FIFO is refused by readTextFile before any read: __tests__/shared's tests of it start the process that makes one.)
    expect(() => readDriftReports([tempDir("drift-folder-")])).toThrow(InputError);
  });

  it("not JSON: where it stops", () => {
    expect(messageFor('[{"deployment": "production",')).toMatch(
      /^FILE has 1 problem:\n {2}- \(line 1, column 30\): given the end of the file; allowed: JSON: a key in double quotes here$/,
    );
  });

  it("not the command's output: a list is what it writes", () => {
    expect(messageFor(good)).toBe(
      `FILE has 1 problem:\n  - (top level): given ${JSON.stringify(good).slice(0, 80)}…; allowed: ${DRIFT_REPORT_FILE}`,
    );
  });

  it("a value of no allowed kind names its path and the allowed values", () => {
    expect(messageFor([{ ...good, client: "gone" }])).toBe(
      'FILE has 1 problem:\n  - [0].client: given "gone"; allowed: what became of the client: deleted, changed, unchanged',
    );
  });

  it("a key the contract does not have, with the keys it does", () => {
    expect(messageFor([{ ...good, who: "Jane" }])).toMatch(
      /- \[0\]\.who: given "Jane"; allowed: no key "who" here; the keys are: deployment, clientId/,
    );
  });

  it("what each kind needs: a user's id, the audit's reason or interval", () => {
    const noId = changed("production", [
      { attribute: "state", inState: "active", inOrg: "inactive", changedBy: entry({ kind: "user" } as never, "state", [], []) },
    ]);
    expect(messageFor([noId])).toBe(
      "FILE has 1 problem:\n  - [0].attributes[0].changedBy.actor.id: given nothing; allowed: the user's id, as a text",
    );
    expect(messageFor([{ ...good, audit: { kind: "unknown" } }])).toBe(
      "FILE has 1 problem:\n  - [0].audit.reason: given nothing; allowed: why the audit could not say, in one line",
    );
    expect(messageFor([{ ...good, audit: { kind: "read", since: "yesterday", until: "2026-12-07T06:17:00Z" } }])).toMatch(
      /- \[0\]\.audit\.since: given "yesterday"; allowed: the start of the audit's interval read: an ISO-8601 date and time/,
    );
  });

  it("a deleted or unchanged client with drifted attributes, or a deletedBy on a client not deleted", () => {
    expect(messageFor([{ ...good, client: "deleted" }])).toBe(
      'FILE has 1 problem:\n  - [0].attributes: given 1 attributes where the client is "deleted"; allowed: an empty list unless the client is "changed"',
    );
    expect(messageFor([{ ...good, deletedBy: entry({ kind: "unknown" }, "name", [], []) }])).toMatch(
      /- \[0\]\.deletedBy: given \{.*; allowed: no deletedBy unless the client is "deleted"/,
    );
  });

  it("a deployment reported twice, in one file or in two, names both places", () => {
    const first = reportFile([good]);
    const second = reportFile([good]);
    expect(() => readDriftReports([first, second])).toThrow(
      `${second} has 1 problem:\n  - [0].deployment: given "production"; allowed: one report per deployment (it is reported already, at ${first} [0])`,
    );
    expect(() => readDriftReports([reportFile([good, good])])).toThrow(
      /\[1\]\.deployment: given "production"; allowed: one report per deployment/,
    );
  });

  it("plan-summary --drift-report: exit 1, the one message on stderr, nothing on stdout", () => {
    const file = reportFile([{ ...good, client: "gone" }]);
    const { code, out, err } = run([...at("update"), "--drift-report", file]);
    expect([code, out]).toEqual([1, ""]);
    expect(err).toBe(
      `${file} has 1 problem:\n  - [0].client: given "gone"; allowed: what became of the client: deleted, changed, unchanged\n`,
    );
    expect(run([...at("update"), "--drift-report", join(file, "../missing.json")])).toMatchObject({ code: 1, out: "" });
  });
});

describe("what a report holds is cut to the bounds the drift command writes to, whoever wrote the file", () => {
  const long = (n: number, c = "é") => c.repeat(n);
  const cut = (c = "é") => `${c.repeat(MAX_AUDIT_TEXT)}…`;

  it("an entry's texts to 200 characters, its property changes and their values to their caps, a secret's values never", () => {
    const handMade = changed("production", [
      {
        attribute: "name",
        inState: "SCV",
        inOrg: "Renamed",
        changedBy: {
          when: "2026-12-06T09:12:00.000Z",
          action: long(3_000, "a"),
          actor: { kind: "user", id: long(3_000, "i"), name: long(3_000) },
          properties: [
            { property: "clientSecret", oldValues: ["old-s3cr3t"], newValues: ["new-s3cr3t", "and another"] },
            { property: long(300, "p"), oldValues: Array.from({ length: 150 }, () => long(300)), newValues: [] },
            ...Array.from({ length: 30 }, (_, i) => ({ property: `p${i}`, oldValues: [], newValues: [] })),
          ],
        },
      },
    ]);
    const [{ attributes }] = readDriftReports([reportFile([handMade])]);
    const entry = attributes[0].changedBy!;
    expect(entry.action).toBe(cut("a"));
    expect(entry.actor).toEqual({ kind: "user", id: cut("i"), name: cut() });
    expect(entry.properties).toHaveLength(MAX_AUDIT_PROPERTIES);
    expect(entry.properties[0]).toEqual({ property: "clientSecret", oldValues: [SECRET_VALUE], newValues: [SECRET_VALUE] });
    expect(entry.properties[1].property).toBe(cut("p"));
    expect(entry.properties[1].oldValues).toEqual(Array.from({ length: MAX_AUDIT_VALUES }, () => cut()));
  });

  it("a deleting entry and an OAuth client's name too; the reason who is unknown to 1,000 characters", () => {
    const byClient = { ...entry({ kind: "client", id: "c-9", name: long(500) }, "name", [], [], "Delete") };
    const [read] = readDriftReports([reportFile([deleted("uat", byClient, { kind: "unknown", reason: long(5_000, "r") })])]);
    expect(read.deletedBy!.actor).toEqual({ kind: "client", id: "c-9", name: cut() });
    expect(read.audit).toEqual({ kind: "unknown", reason: `${long(MAX_AUDIT_REASON, "r")}…` });
  });

  it("a report the drift command wrote is read as it is: its bounds are the same", () => {
    expect(readDriftReports([fixture])).toEqual(JSON.parse(readFileSync(fixture, "utf8")) as DriftReport[]);
  });

  it("a name of 100,000 characters no longer crowds the other attributes out of the drift issue", () => {
    const who = entry({ kind: "user", id: "u-1", name: long(100_000, "N") }, "name", ["SCV"], ["Renamed"]);
    const file = reportFile([
      changed("drift", [
        { attribute: "name", inState: "SCV", inOrg: "Renamed", changedBy: who },
        { attribute: "description", inState: "d", inOrg: "e" },
        { attribute: "scopes", inState: ["a"], inOrg: ["a", "b"] },
      ]),
    ]);
    const { code, out } = run([...at("drift"), "--drift", "--drift-report", file]);
    expect(code).toBe(0);
    expect(out).toContain(`who: ${long(MAX_AUDIT_TEXT, "N")}… (user u-1)`);
    expect(out).not.toContain(long(MAX_AUDIT_TEXT + 1, "N"));
    expect(out).toContain("- `description`: ");
    expect(out).toContain("- `scopes`: + ");
    expect(out).not.toMatch(/… and \d+ more/);
  });
});

describe("a report's dates and times exist, and the audit's interval read starts no later than it ends", () => {
  /** The problems readDriftReports finds in `reports` written as a file. */
  function problemsFor(reports: unknown) {
    try {
      readDriftReports([reportFile(reports)]);
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
    return [];
  }
  const at = (when: string) =>
    changed("production", [
      { attribute: "state", inState: "active", inOrg: "inactive", changedBy: { ...entry({ kind: "unknown" }, "state", [], []), when } },
    ]);
  const read = (since: string, until: string) => ({ ...good, audit: { kind: "read", since, until } });

  it("a date and time of the pattern that does not exist: one message, its path, what was given, what is allowed", () => {
    expect(messageFor([at("9999-99-99T99:99Z")])).toBe(
      'FILE has 1 problem:\n  - [0].attributes[0].changedBy.when: given "9999-99-99T99:99Z"; allowed: when the audit recorded the change: ' +
        "an ISO-8601 date and time, such as 2026-12-06T09:12:00.000Z, that exists: a month 01 to 12, a day of that month, hours 00 to 23, " +
        "minutes and seconds 00 to 59, at most 9 digits after the second's point, an offset from -23:59 to +23:59",
    );
  });

  it.each([
    ["9999-99-99T99:99Z"],
    ["2026-12-06T09:12:00+99:99"],
    ["2026-12-06T09:12+0160"],
    ["2026-13-01T00:00Z"],
    ["2026-00-01T00:00Z"],
    ["2026-02-29T00:00Z"],
    ["2026-04-31T00:00Z"],
    ["2026-12-00T00:00Z"],
    ["2026-12-06T24:00Z"],
    ["2026-12-06T09:60Z"],
    ["2026-12-06T09:12:60Z"],
    ["2026-12-06T09:12:00.1234567891Z"],
  ])("%s is refused, wherever it is: an entry's when, the deletion's, the interval's ends", (given) => {
    const deletion = deleted("uat", { ...entry({ kind: "unknown" }, "name", [], [], "Delete"), when: given });
    expect(problemsFor([at(given), deletion, read(given, given)]).map((p) => [p.path, p.given])).toEqual([
      [[0, "attributes", 0, "changedBy", "when"], given],
      [[1, "deletedBy", "when"], given],
      [[2, "audit", "since"], given],
      [[2, "audit", "until"], given],
    ]);
  });

  it.each([["2024-02-29T00:00Z"], ["2000-02-29T23:59:59.999999999+23:59"], ["0050-01-01T00:00-0000"], ["2026-12-06T09:12+05:30"]])(
    "%s exists: read",
    (given) => expect(problemsFor([at(given), { ...read(given, given), deployment: "uat" }])).toEqual([]),
  );

  it("since after until is refused at since, naming until", () => {
    expect(problemsFor([read("2026-12-07T06:17:00.000Z", "2026-12-07T06:16:59.999Z")])).toEqual([
      {
        path: [0, "audit", "since"],
        given: "2026-12-07T06:17:00.000Z",
        allowed: "the start of the audit's interval read: an instant no later than its end, until (2026-12-07T06:16:59.999Z)",
      },
    ]);
    // In another offset, the same instant or an earlier one is no later.
    expect(problemsFor([read("2026-12-07T08:17:00+02:00", "2026-12-07T06:17:00.000Z")])).toEqual([]);
    expect(problemsFor([read("2026-12-07T07:17+02:00", "2026-12-07T06:16Z")])).toEqual([]);
  });

  it("the instant of a date and time is the one JavaScript reads in it, in any offset", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("0002-01-01T00:00:00Z"), max: new Date("9998-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1);
          const sign = offset < 0 ? "-" : "+";
          const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
          expect(instantTime(date.toISOString())).toBe(date.getTime());
          expect(instantTime(`${local}${zone}`)).toBe(date.getTime());
        },
      ),
    );
  });
});

/** An OAuth client's API usage (the usage API's rows, api.ts) in the few numbers a migration is decided on. */
import { ApiUsageRow } from "./api";

export interface UsageSummary {
  readonly requests: number;
  /** Distinct users with requests (rows without a user count as one, "(no user)"). */
  readonly users: number;
  /** The last day with requests (YYYY-MM-DD), and how many users made them that day. */
  readonly lastUsed?: { readonly day: string; readonly users: number };
  /** Rows whose counts cannot be read as a whole number of requests, as Genesys answered them: each counts as use. */
  readonly unreadable: readonly string[];
}

export function summarizeUsage(rows: readonly ApiUsageRow[]): UsageSummary {
  const used = rows.filter((r) => (r.requests ?? 0) > 0);
  const user = (r: ApiUsageRow) => r.userId ?? "(no user)";
  const day = (r: ApiUsageRow) => (r.date ?? "").slice(0, 10);
  const days = used
    .map(day)
    .filter((d) => d !== "")
    .sort();
  const last = days[days.length - 1];
  return {
    requests: used.reduce((sum, r) => sum + (r.requests ?? 0), 0),
    users: new Set(used.map(user)).size,
    ...(last !== undefined && { lastUsed: { day: last, users: new Set(used.filter((r) => day(r) === last).map(user)).size } }),
    unreadable: rows.flatMap((r) => (r.unreadable === undefined ? [] : [r.unreadable])),
  };
}

/** Whether the usage says the client was used: any request, or any row that cannot be counted (fails closed). */
export function inUse(summary: UsageSummary): boolean {
  return summary.requests > 0 || summary.unreadable.length > 0;
}

/** The rows shown, at most, of those that cannot be counted. */
const SHOWN_UNREADABLE = 3;

/**
 * The summary in one line: "42 requests by 3 users in the last 7 days; last used 2026-12-01, by 2 users", and any
 * row that cannot be counted, as it came (escaped), counted as use.
 */
export function usageInWords(summary: UsageSummary, days: number): string {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  const { unreadable } = summary;
  const rows =
    unreadable.length === 0
      ? ""
      : `${summary.requests === 0 ? "" : "; and "}${count(unreadable.length, "usage row")} whose counts cannot be read as a whole number of requests, ` +
        `counted as use: ${unreadable.slice(0, SHOWN_UNREADABLE).join(", ")}${unreadable.length > SHOWN_UNREADABLE ? `, and ${unreadable.length - SHOWN_UNREADABLE} more` : ""}`;
  if (summary.requests === 0)
    return rows === "" ? `no requests in the last ${count(days, "day")}` : `in the last ${count(days, "day")}, ${rows}`;
  return (
    `${count(summary.requests, "request")} by ${count(summary.users, "user")} in the last ${count(days, "day")}` +
    (summary.lastUsed ? `; last used ${summary.lastUsed.day}, by ${count(summary.lastUsed.users, "user")}` : "") +
    rows
  );
}

/**
 * Drift reports (lib/shared/drift-report.ts) as the drift command writes them, for plan-summary's tests: a redirect
 * URI changed by a user, a client deleted by an OAuth client, a client set inactive, an audit that could not be read.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { AuditChange, DriftReport } from "../../lib/shared/drift-report";
import { tempDir } from "./temp-dir";

export const CLIENT_ID = "9d1d6f4e-0000-4000-8000-000000000001";
export const READ = { kind: "read", since: "2026-11-23T06:17:00.000Z", until: "2026-12-07T06:17:00.000Z" } as const;
export const NO_PERMISSION = "the credentials may not read the audit (Audits > Audit > View)";

export function entry(
  actor: AuditChange["actor"],
  property: string,
  oldValues: string[],
  newValues: string[],
  action = "Update",
): AuditChange {
  return { when: "2026-12-06T09:12:00.000Z", action, actor, properties: [{ property, oldValues, newValues }] };
}

/** `deployment`'s client changed: each attribute from `inState` to `inOrg`, by `changedBy` where given. */
export function changed(deployment: string, attributes: DriftReport["attributes"], audit: DriftReport["audit"] = READ): DriftReport {
  return { deployment, clientId: CLIENT_ID, client: "changed", attributes, audit };
}

export function deleted(deployment: string, deletedBy: AuditChange | undefined, audit: DriftReport["audit"] = READ): DriftReport {
  return { deployment, clientId: CLIENT_ID, client: "deleted", attributes: [], ...(deletedBy && { deletedBy }), audit };
}

/** The reports as one file the drift command wrote (`--json`), in a new folder. */
export function reportFile(reports: unknown, name = "reports.drift.json"): string {
  const file = join(tempDir("drift-reports-"), name);
  writeFileSync(file, typeof reports === "string" ? reports : JSON.stringify(reports, null, 2));
  return file;
}

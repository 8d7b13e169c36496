/**
 * A `check` rule: one policy of the deployments file and the stacks synthesized from it, checked before any plan
 * (`npx genesys-scv-oauth-client check`), with an id a reader can look up (lib/app/check/rules/<id>-<title>.ts). Its
 * shape is the review's (lib/shared/policy-rule.ts); the review's rules (lib/review/rules/, SCV-R…) read a plan
 * instead. Errors fail `check` (exit 1); warnings are listed and annotated only.
 */
import type { Deployment } from "../../deployments/deployments";
import { PolicyRule } from "../../../shared/policy-rule";
import { Path } from "../../../shared/problems";

/** What the construct or a stack said at synth (its metadata entry), and of which deployment (stack). */
export interface SynthAnnotation {
  /** The entry's type: "@cdktf/warn", "@cdktf/error", "@cdktf/info", … */
  readonly type: string;
  readonly data: unknown;
  /** The deployment (stack) name. */
  readonly stack: string;
}

/** What a `check` rule reads: the loaded deployments (the file's own problems are none), and what synth made of them. */
export interface CheckInput {
  readonly deployments: readonly Deployment[];
  /** Running in GitHub Actions (env.GITHUB_ACTIONS): where a runner's files are thrown away after the job. */
  readonly inGitHubActions: boolean;
  /** A deployment's synthesized stack (its cdk.tf.json), by the deployment's name. */
  synthesized(name: string): { readonly resource?: Record<string, Record<string, Record<string, unknown>>> };
  /** What the construct and the stacks said at synth, in the order synth made them. */
  readonly annotations: readonly SynthAnnotation[];
}

/** One thing a rule finds: where, and what; the level is the rule's unless the finding says its own (SCV-C8). */
export interface Found {
  /** The deployment (stack) name; or where in the deployments file: its path. */
  readonly where: string | Path;
  readonly message: string;
  readonly level?: CheckRule["level"];
}

export type CheckRule = PolicyRule<"error" | "warning", CheckInput, Found>;

/** A finding of `check`: a rule's (with its id), or a problem of the deployments file itself (no rule: it is the file's shape). */
export interface Finding {
  /** The rule's id (SCV-C…); absent for the deployments file's own problems. */
  readonly rule?: string;
  readonly level: "error" | "warning";
  /** The deployment (stack) name; or where in the deployments file: its path, or a place outside the data ("(file)"). */
  readonly where: string | Path;
  readonly message: string;
}

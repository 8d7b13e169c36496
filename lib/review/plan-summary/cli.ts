#!/usr/bin/env node
/**
 * plan-summary [--json FILE] [--allow-destroy] PLAN... : the pull-request comment for `terraform show -json` plans.
 * Exit codes: 0 summary written; 2 an OAuth client would be deleted or replaced (the gate) and --allow-destroy was
 * not given; 1 unreadable or malformed input, or bad arguments.
 */
import { renameSync, writeFileSync } from "fs";
import { parseArgs } from "util";
import { renderMarkdown } from "./markdown";
import { readPlans } from "./plans";
import { summarizePlans } from "./summarize";
import { verdictOf } from "./verdict";
import { InputError } from "../../construct";

export const EXIT = { ok: 0, input: 1, gate: 2 } as const;

const USAGE = "usage: plan-summary [--json FILE] [--allow-destroy] PLAN_FILE_OR_DIRECTORY...";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export function planSummary(argv: string[], output: Output): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    output.err(`plan-summary: ${(e as Error).message}\n${USAGE}\n`);
    return EXIT.input;
  }
  if (args.values.help) {
    output.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    const summary = summarizePlans(readPlans(args.positionals));
    const allowDestroy = args.values["allow-destroy"] ?? false;
    const rendered = renderMarkdown(summary, { allowDestroy });
    const verdict = verdictOf(summary, rendered, allowDestroy);
    if (args.values.json) writeAtomically(args.values.json, `${JSON.stringify(verdict, null, 2)}\n`);
    output.out(rendered.markdown);
    return verdict.gate === "held" ? EXIT.gate : EXIT.ok;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    output.err(`${e.message}\n`);
    return EXIT.input;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "string" },
      "allow-destroy": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

if (require.main === module) {
  process.exitCode = planSummary(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}

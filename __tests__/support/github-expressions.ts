/**
 * GitHub Actions expressions evaluated by GitHub's own evaluator (@actions/expressions), so that the workflow tests
 * run a step's `if:` and its `${{ }}` values as GitHub would, not as a home-made regex reads them.
 */
import { data, Evaluator, Lexer, Parser } from "@actions/expressions";
import { truthy } from "@actions/expressions/result";

/**
 * The status functions a job's steps may call; in these tests every earlier step succeeded and nothing was
 * cancelled (a job's needs are given as `needs.<job>.result`).
 */
const STATUS = new Map(
  Object.entries({ always: true, success: true, cancelled: false, failure: false }).map(([name, value]) => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) },
  ]),
);

/** The value of an expression (without `${{ }}`), over contexts given as plain JSON (github, steps, needs, ...). */
export function evaluate(expression: string, contexts: Record<string, unknown>): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), [...STATUS.values()]).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, context, STATUS).evaluate();
}

/** A workflow value as a step sees it: `${{ expr }}` evaluated and coerced to a string, any other text as is. */
export function valueOf(value: unknown, contexts: Record<string, unknown>): string {
  const text = String(value);
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(text.trim());
  if (whole) return evaluate(whole[1], contexts).coerceString();
  if (text.includes("${{")) throw new Error(`a value that mixes text and expressions: ${text}`);
  return text;
}

/** A step's `if:` as GitHub decides it: absent is success(), `${{ }}` is optional. */
export function condition(expression: string | undefined, contexts: Record<string, unknown>): boolean {
  if (expression === undefined) return true;
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(expression)?.[1] ?? expression;
  return truthy(evaluate(inner, contexts));
}

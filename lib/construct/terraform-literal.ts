/**
 * Terraform reads every string of a `.tf.json` or `.tf` file as a template: `${...}` is evaluated (a function call
 * such as `file("/proc/self/environ")` included) and `%{...}` is a directive. Text a user gives as a literal (a name,
 * a description, a redirect URI, a state key) must come back exactly as given, so its `${` and `%{` are written as
 * Terraform's escapes `$${` and `%%{`. Parts that are cdktf tokens (a TerraformVariable's value, a reference) stay
 * expressions: a construct user who passes a token means one.
 */

/** cdktf's marker for a string token, `${TfToken[TOKEN.12]}` (cdktf/lib/tokens/private/encoding.js). */
const STRING_TOKEN = /(\$\{TfToken\[[a-zA-Z0-9:._-]+\]\})/;

/** `text` as a Terraform string that evaluates to `text` itself, its tokens left as expressions. */
export function terraformLiteral(text: string): string {
  return text
    .split(STRING_TOKEN)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([$%])\{/g, "$1$1{")))
    .join("");
}

/** plan-summary with a process: the bin as one, and FIFOs, which take mkfifo to make (cli.test.ts: the unit tests). */
import { spawnSync } from "child_process";
import { readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { EXIT } from "../../../lib/review/plan-summary/cli";
import { at, run } from "../../support/plan-summary-run";
import { tempDir } from "../../support/temp-dir";

describe("plan-summary --json FILE never loses a file and never half-writes one", () => {
  it("a FIFO as --json is refused: nothing written, no wait", () => {
    const dir = tempDir("verdict-");
    const fifo = join(dir, "verdict.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const { code, err } = run(["--json", fifo, ...at("create")]);
    expect(code).toBe(EXIT.input);
    expect(err).toContain(`--json: given ${JSON.stringify(fifo)}: a FIFO, device or socket, not a regular file;`);
    expect(readdirSync(dir)).toEqual(["verdict.json"]);
  });

  it("a FIFO among the plans is refused at once, with nobody writing to it", () => {
    const dir = tempDir("plans-");
    expect(spawnSync("mkfifo", [join(dir, "production.json")]).status).toBe(0);
    const { code, err } = run([dir]);
    expect(code).toBe(EXIT.input);
    expect(err).toContain("given a FIFO (a named pipe, or a shell's process substitution), not a regular file");
  });
});

describe("plan-summary through the bin (dist/cli/genesys-scv-oauth-client.js plan-summary)", () => {
  it("runs as a process: Markdown on stdout, the gate's exit code", () => {
    const result = spawnSync(process.execPath, ["dist/cli/genesys-scv-oauth-client.js", "plan-summary", ...at("delete")], {
      cwd: join(__dirname, "../../.."),
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stdout.startsWith("<!-- genesys-scv-oauth-client:plan-summary -->")).toBe(true);
  });

  it("on the JSON of a state, not a plan: exit 1 and one message, never the clear gate's 0", () => {
    const state = join(tempDir("state-"), "production.json");
    writeFileSync(state, JSON.stringify({ format_version: "1.0", terraform_version: "1.11.4", values: { root_module: {} } }));
    const result = spawnSync(process.execPath, ["dist/cli/genesys-scv-oauth-client.js", "plan-summary", state], {
      cwd: join(__dirname, "../../.."),
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `${state} has 1 problem:\n  - (file): given the JSON of a Terraform state (terraform show -json without a plan file), not of a plan; allowed: a Terraform plan in JSON: terraform plan -out=tfplan, then terraform show -json tfplan > tfplan.json\n`,
    );
  });
});

import { runCaptured } from "../../lib/shared/child-process";

describe("runCaptured", () => {
  it("keeps standard output and error in the order the child wrote them, and its exit code", async () => {
    const script =
      "process.stdout.write('a\\n'); setTimeout(() => { process.stderr.write('b\\n'); setTimeout(() => { process.stdout.write('c\\n'); process.exit(3); }, 50); }, 50);";
    const run = await runCaptured(process.execPath, ["-e", script], { env: process.env });
    expect(run.status).toBe(3);
    expect(run.chunks).toEqual([
      { stream: "out", text: "a\n" },
      { stream: "err", text: "b\n" },
      { stream: "out", text: "c\n" },
    ]);
    expect([run.stdout, run.stderr]).toEqual(["a\nc\n", "b\n"]);
  });

  it("a command that cannot start is its error, not a throw", async () => {
    const run = await runCaptured("scv-no-such-command", [], { env: process.env });
    expect(run.status).toBeNull();
    expect(run.error?.message).toMatch(/ENOENT/);
  });
});

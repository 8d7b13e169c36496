import { runEachDeployment, WorkResult } from "../../../lib/app/commands/each-deployment";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { capturedIo } from "../../support/captured-io";

const deployment = (name: string): Deployment => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: name } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Work that prints two lines on each stream, in turns, with pauses between, so that deployments run at once interleave. */
function chattyWork(delays: Record<string, number>, failing: string[] = []) {
  const live: boolean[] = [];
  const work = async (d: Deployment, isLive: boolean): Promise<WorkResult> => {
    live.push(isLive);
    const chunks: WorkResult["chunks"][number][] = [];
    for (const line of [1, 2]) {
      await sleep(delays[d.name]);
      chunks.push({ stream: "out", text: `${d.name} out ${line}\n` }, { stream: "err", text: `${d.name} err ${line}\n` });
    }
    return { status: failing.includes(d.name) ? 3 : 0, chunks };
  };
  return { work, live };
}

describe("runEachDeployment", () => {
  const names = ["production", "uat", "eu-production", "eu-uat"];
  const deployments = names.map(deployment);

  it("several at once: each deployment's output is whole under its heading, in the order they end, and the summary comes last in file order", async () => {
    const captured = capturedIo();
    const { work, live } = chattyWork({ production: 25, uat: 1, "eu-production": 10, "eu-uat": 1 });
    const code = await runEachDeployment("diff", deployments, { parallelism: 4, io: captured.io }, work);
    expect(code).toBe(0);
    expect(live).toEqual([false, false, false, false]);
    const out = captured.out();
    expect(out.startsWith("diff: 4 deployments, 4 at a time; each one's output follows when it ends.\n")).toBe(true);
    for (const name of names) {
      expect(out).toContain(`\n=== diff ${name} ===\n${name} out 1\n${name} out 2\n`);
      expect(captured.err()).toContain(`${name} err 1\n${name} err 2\n`);
    }
    // The slowest ends last; the summary follows it, listing the deployments as the file does.
    expect(out.indexOf("=== diff production ===")).toBeGreaterThan(out.indexOf("=== diff eu-production ==="));
    expect(out).toMatch(
      /\ndiff of 4 deployments, 0 failed:\n {2}production: succeeded in \d+\.\d s\n {2}uat: succeeded in \d+\.\d s\n {2}eu-production: succeeded in \d+\.\d s\n {2}eu-uat: succeeded in \d+\.\d s\n$/,
    );
  });

  it("a failure neither stops nor hides the others: every deployment runs, and the summary, on standard error, names the one that failed", async () => {
    const captured = capturedIo();
    const { work } = chattyWork({ production: 1, uat: 5, "eu-production": 1, "eu-uat": 1 }, ["production"]);
    const code = await runEachDeployment("deploy", deployments, { parallelism: 2, io: captured.io }, work);
    expect(code).toBe(1);
    for (const name of names) expect(captured.out()).toContain(`${name} out 2\n`);
    expect(captured.err()).toMatch(
      /\ndeploy of 4 deployments, 1 failed:\n {2}production: failed \(exit 3\) in \d+\.\d s\n {2}uat: succeeded/,
    );
  });

  it("one at a time, the work is live on the user's streams, each under its heading as it starts", async () => {
    const captured = capturedIo(true);
    const order: string[] = [];
    const code = await runEachDeployment("deploy", deployments.slice(0, 2), { parallelism: 1, io: captured.io }, async (d, live) => {
      order.push(`${d.name} ${live ? "live" : "kept"}`, captured.out().split("\n").filter(Boolean).pop() ?? "");
      return { status: 0, chunks: [] };
    });
    expect(code).toBe(0);
    expect(order).toEqual(["production live", "=== deploy production ===", "uat live", "=== deploy uat ==="]);
    expect(captured.out()).not.toContain("at a time");
  });

  it("a single deployment is live, with neither heading nor summary", async () => {
    const captured = capturedIo();
    const { work, live } = chattyWork({ production: 1 });
    expect(await runEachDeployment("diff", deployments.slice(0, 1), { parallelism: 8, io: captured.io }, work)).toBe(0);
    expect(live).toEqual([true]);
    expect(captured.out()).toBe("production out 1\nproduction out 2\n");
  });
});

/**
 * Runs a command's work for each selected deployment, `parallelism` at once, and says how each ended. One at a time
 * (or a single deployment), the work is live on the user's streams: cdktf may ask for approval, and its output
 * streams as it comes. Several at once, each deployment's output is kept until it ends and then printed whole under
 * its own heading, so that no two deployments' lines mix; the summary of all comes last, in the deployments file's
 * order. Nothing one deployment does stops or hides another.
 */
import { Deployment } from "../deployments/deployments";
import { CommandIo } from "../../shared/command";
import { OutputChunk } from "../../shared/child-process";
import { inParallel } from "../../shared/in-parallel";
import { counted } from "../../shared/plain-text";

/** How one deployment's work ended: its exit code and what it printed (nothing here when it printed live). */
export interface WorkResult {
  readonly status: number;
  readonly chunks: readonly OutputChunk[];
}

/** The work for one deployment; `live` says whether it may use the user's streams itself. Must not throw. */
export type DeploymentWork = (deployment: Deployment, live: boolean) => Promise<WorkResult>;

/** Each deployment's work, then the summary when there were several; 1 when any failed, else 0. */
export async function runEachDeployment(
  command: string,
  deployments: readonly Deployment[],
  { parallelism, io }: { parallelism: number; io: CommandIo },
  work: DeploymentWork,
): Promise<number> {
  const together = Math.min(parallelism, deployments.length);
  const live = together <= 1;
  const heading = (name: string) => (deployments.length > 1 ? `\n=== ${command} ${name} ===\n` : "");
  if (!live)
    io.out(`${command}: ${counted(deployments.length, "deployment")}, ${together} at a time; each one's output follows when it ends.\n`);
  const results = await inParallel(deployments, together, async (deployment) => {
    const started = Date.now();
    if (live) io.out(heading(deployment.name));
    const result = await work(deployment, live);
    if (!live) io.out(heading(deployment.name));
    for (const chunk of result.chunks) io[chunk.stream](chunk.text);
    return { name: deployment.name, status: result.status, seconds: (Date.now() - started) / 1000 };
  });
  const failed = results.filter((r) => r.status !== 0);
  if (deployments.length > 1) {
    const lines = results.map(
      (r) => `  ${r.name}: ${r.status === 0 ? "succeeded" : `failed (exit ${r.status})`} in ${r.seconds.toFixed(1)} s`,
    );
    (failed.length > 0 ? io.err : io.out)(`\n${command} of ${results.length} deployments, ${failed.length} failed:\n${lines.join("\n")}\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

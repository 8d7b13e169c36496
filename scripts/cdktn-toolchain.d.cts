import type { SpawnSyncReturns } from "child_process";

export declare const NODE_MINIMUM: readonly [number, number];
export interface CdktnToolchain {
  readonly dir: string;
  readonly modules: string;
  /** Node 22.19+ for cdktn-cli, or undefined when there is none. */
  readonly node: string | undefined;
  readonly cli: string;
  readonly installStamp: string;
  readonly bindings: string;
  readonly bindingsStamp: string;
  /** The app bundled for cdktn. */
  readonly app: string;
}
export declare function cdktnToolchain(project?: string): CdktnToolchain;
export declare function cdktnToolchainProblem(project?: string): string | undefined;
export declare function cdktnEnv(env?: NodeJS.ProcessEnv, project?: string): NodeJS.ProcessEnv;
export declare function generateCdktnBindings(snapshotFile: string, project?: string): SpawnSyncReturns<string>;
export declare function buildCdktnApp(project?: string): Promise<string>;

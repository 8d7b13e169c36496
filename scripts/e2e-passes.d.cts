export declare const ENGINE_SUITES: readonly string[];
export declare const CROSS_ENGINE_SUITE: string;
export declare const PARTS: readonly ("terraform" | "opentofu")[];
export interface E2ePass {
  readonly engine: "terraform" | "tofu";
  readonly args: string[];
}
export declare function allSuites(root: string): string[];
export declare function e2ePasses(options: {
  part?: "terraform" | "opentofu";
  only?: "terraform" | "tofu";
  args?: string[];
  suites: readonly string[];
  tofu?: boolean;
}): E2ePass[];
export declare function suitesRun(passes: readonly E2ePass[], suites: readonly string[]): string[];

export declare const OPENTOFU_LDFLAGS: string;
export declare const OPENTOFU_MODULE: string;
export declare const OPENTOFU_VERSION: string;
export interface OpentofuInstall {
  readonly dir: string;
  readonly binary: string;
  readonly stamp: string;
}
export declare function opentofuInstall(project?: string): OpentofuInstall;

export declare const PROVIDER_MODULE: string;
export declare const PROVIDER_SOURCE: string;
export declare const OPENTOFU_PROVIDER_SOURCE: string;
export declare const PROVIDER_VERSION: string;
export interface ProviderInstall {
  readonly dir: string;
  readonly mirror: string;
  readonly binary: string;
  /** The same binary, linked under OpenTofu's registry host. */
  readonly opentofuBinary: string;
  readonly cliConfig: string;
  readonly cliConfigText: string;
  readonly env: Record<string, string>;
}
export declare function providerInstall(project?: string): ProviderInstall;

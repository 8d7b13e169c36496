export declare const PROVIDER_MODULE: string;
export declare const PROVIDER_SOURCE: string;
export declare const PROVIDER_VERSION: string;
export interface ProviderInstall {
  readonly dir: string;
  readonly mirror: string;
  readonly binary: string;
  readonly cliConfig: string;
  readonly cliConfigText: string;
  readonly env: Record<string, string>;
}
export declare function providerInstall(project?: string): ProviderInstall;

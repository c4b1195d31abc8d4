export declare const TEMPORAL_CLI_MODULE: string;
export declare function temporalCacheDir(): string;
export declare function ensureTemporalCli(options?: { log?: (line: string) => void }): string;

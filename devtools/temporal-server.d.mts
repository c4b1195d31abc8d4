export declare const TEMPORAL_SERVER_VERSION: string;
export declare function temporalServerDir(): string;
export declare function temporalSchemaDir(): string;
export declare function ensureTemporalServer(options?: { log?: (line: string) => void }): {
  server: string;
  sql: string;
};

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  membership: Record<TemporalService, number>;
  metrics: Record<TemporalService, number>;
}
export type TemporalService = 'history' | 'matching' | 'frontend' | 'worker';
export interface DatabaseServer {
  host: string;
  port: number | string;
  user: string;
  password?: string;
}
export interface TemporalDatabases extends DatabaseServer {
  temporal: string;
  visibility: string;
}
export declare const TEMPORAL_SERVICES: TemporalService[];
export declare const DEFAULT_CLUSTER_PORTS: ClusterPorts;
export declare function freeClusterPorts(): Promise<ClusterPorts>;
export declare function temporalServiceEnv(
  name: TemporalService,
  ports: ClusterPorts,
  db: TemporalDatabases,
): { env: Record<string, string>; readyPort: number };
export declare function temporalServiceArgs(root: string, name: TemporalService): string[];
export declare function ensureDatabase(name: string, server: DatabaseServer): Promise<void>;
export declare function dropDatabases(names: string[], server: DatabaseServer): Promise<void>;
export declare function prepareTemporalDatabases(
  sqlTool: string,
  db: TemporalDatabases,
  options?: { cwd?: string },
): Promise<void>;

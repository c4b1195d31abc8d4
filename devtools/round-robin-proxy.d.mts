import type { Server } from 'node:http';

export declare function startRoundRobinProxy(options: {
  port: number;
  host?: string;
  upstreams: { port: number; host?: string }[];
  /** Told the index of the upstream that answered, for each request. */
  onAnswer?: (k: number) => void;
}): Promise<Server>;

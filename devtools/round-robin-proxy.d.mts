import type { Server } from 'node:http';

export declare function startRoundRobinProxy(options: {
  port: number;
  host?: string;
  upstreams: { port: number; host?: string }[];
}): Promise<Server>;

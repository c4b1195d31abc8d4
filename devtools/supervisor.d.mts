import type { ChildProcess } from 'node:child_process';

export interface Supervisor {
  service(
    name: string,
    command: string,
    args: string[],
    options: {
      ready?: (line: string) => boolean;
      readyWhen?: () => Promise<unknown>;
      env?: Record<string, string>;
      restartable?: boolean;
      logFile?: string;
    },
  ): Promise<ChildProcess>;
  shutdown(code?: number): Promise<void>;
  children: { name: string; child: ChildProcess }[];
}
export declare function createSupervisor(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  onStop?: () => Promise<void>;
}): Supervisor;

// Runs the system's processes as children of one launcher (npm start, npm run cluster): their
// output prefixed with their name, each started when a line of it says it is ready, and all of
// them stopped (in reverse order) on Ctrl-C or when one of them dies.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export function createSupervisor({ cwd, env, onStop = async () => {} }) {
  const children = [];
  let stopping = false;

  async function shutdown(code = 0) {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    for (const { name, child } of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      console.log(`  stopped ${name}`);
    }
    await onStop();
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  /**
   * Starts a child and resolves with it once `ready(line)` is true for a line of its output.
   * `readyWhen()`, when given instead, is awaited after the start (e.g. a port that opens).
   * `restartable` children may die on purpose (fault injection); the others stop everything.
   * `logFile` sends the child's output to that file instead of the launcher's.
   */
  function service(
    name,
    command,
    args,
    { ready = () => false, readyWhen, env: own = {}, restartable = false, logFile },
  ) {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, env: { ...env, ...own }, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push({ name, child });
      const prefix = `\x1b[2m[${name}]\x1b[0m `;
      // A chatty service (Temporal's) writes to its own log file instead of the launcher's output.
      const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
      let isReady = false;
      const onLine = (line) => {
        if (log) log.write(line + '\n');
        else if (line.trim()) process.stdout.write(prefix + line + '\n');
        if (!isReady && ready(line)) {
          isReady = true;
          resolve(child);
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let buffer = '';
        stream.on('data', (chunk) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop();
          lines.forEach(onLine);
        });
      }
      if (readyWhen)
        readyWhen().then(
          () => {
            isReady = true;
            resolve(child);
          },
          (error) => reject(new Error(`${name} did not become ready: ${error.message}`)),
        );
      child.on('exit', (code, signal) => {
        if (stopping) return;
        if (!isReady) reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})`));
        else if (!restartable) {
          console.error(`\x1b[31m${name} exited (code ${code}, signal ${signal}); stopping everything\x1b[0m`);
          void shutdown(1);
        }
      });
    });
  }

  return { service, shutdown, children };
}

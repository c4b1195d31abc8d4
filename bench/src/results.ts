import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadAverage, machineInfo } from './processes.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const resultsDir = join(root, 'bench', 'results');

/** One target of the issue, with the figure measured against it. */
export interface Target {
  /** What is measured, e.g. "action p95". */
  what: string;
  /** The target as the issue states it, e.g. "< 150 ms". */
  target: string;
  value: number | null;
  unit: string;
  met: boolean;
}

export interface BenchResult {
  name: string;
  description: string;
  startedAt: string;
  durationS: number;
  machine: ReturnType<typeof machineInfo> & { loadBefore: number[]; loadAfter: number[] };
  versions: Record<string, string>;
  figures: Record<string, unknown>;
  targets: Record<string, Target>;
  /** true/false per target. */
  met: Record<string, boolean>;
  notes: string[];
}

const packageVersion = (name: string) => {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'not installed';
  }
};

/** Versions of what the figures depend on: the SDKs, the ORM, the HTTP stack and the servers. */
export async function versions(databaseUrl: string, temporalCli?: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  const cli = temporalCli ? execFileSync(temporalCli, ['--version'], { encoding: 'utf8' }).trim() : 'not used';
  return {
    temporalSdk: packageVersion('@temporalio/client'),
    temporalServer: cli.replace(/^temporal version /, ''),
    prisma: packageVersion('prisma'),
    prismaClient: packageVersion('@prisma/client'),
    prismaAdapterPg: packageVersion('@prisma/adapter-pg'),
    hono: packageVersion('hono'),
    honoNodeServer: packageVersion('@hono/node-server'),
    xstate: packageVersion('xstate'),
    postgres: rows[0]!.server_version,
    node: process.version,
  };
}

/** Builds a result record; `met` is derived from the targets. */
export function result(
  input: Omit<BenchResult, 'met' | 'machine' | 'durationS'> & { loadBefore: number[]; started: number },
): BenchResult {
  const { loadBefore, started, ...rest } = input;
  const experiment = process.env.BENCH_TEMPORAL_ARGS
    ? [
        `Experiment: the Temporal dev server ran with the extra arguments ${process.env.BENCH_TEMPORAL_ARGS} (BENCH_TEMPORAL_ARGS), unlike \`npm start\`.`,
      ]
    : [];
  return {
    ...rest,
    notes: [...rest.notes, ...experiment],
    durationS: Math.round((performance.now() - started) / 100) / 10,
    machine: { ...machineInfo(), loadBefore, loadAfter: loadAverage() },
    met: Object.fromEntries(Object.entries(input.targets).map(([k, t]) => [k, t.met])),
  };
}

/**
 * Writes bench/results/<name>.json and merges it into bench/results/latest.json (which keeps the
 * last result of every benchmark, so running one benchmark does not lose the others).
 */
export function writeResult(r: BenchResult): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${r.name}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  const latestFile = join(resultsDir, 'latest.json');
  const latest = existsSync(latestFile)
    ? (JSON.parse(readFileSync(latestFile, 'utf8')) as { results?: Record<string, BenchResult> })
    : {};
  const results = { ...(latest.results ?? {}), [r.name]: r };
  const met = Object.fromEntries(
    Object.values(results).flatMap((each) => Object.entries(each.met).map(([k, v]) => [`${each.name}.${k}`, v])),
  );
  writeFileSync(
    latestFile,
    `${JSON.stringify({ updatedAt: new Date().toISOString(), machine: r.machine, versions: r.versions, met, results }, null, 2)}\n`,
  );
  return file;
}

/** Prints the targets of a result as met / MISSED lines. */
export function printTargets(r: BenchResult): void {
  for (const t of Object.values(r.targets)) {
    const value = t.value === null ? 'n/a' : `${t.value} ${t.unit}`;
    console.log(
      `  ${t.met ? '\x1b[32m✔ met   \x1b[0m' : '\x1b[31m✖ MISSED\x1b[0m'} ${t.what}: ${value} (target ${t.target})`,
    );
  }
  for (const note of r.notes) console.log(`  · ${note}`);
}

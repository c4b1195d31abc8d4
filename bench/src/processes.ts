import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { round } from './stats.ts';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // After the comm: state(0) ppid(1) … utime(11) stime(12)
    return { pid, ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process has gone
  }
}

function allStats(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readStat(Number(name)) ?? []);
}

/** A process and its descendants (tsx's esbuild service, for instance). */
export function withDescendants(root: number, stats = allStats()): number[] {
  const pids = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats) {
      if (!pids.has(s.pid) && pids.has(s.ppid)) {
        pids.add(s.pid);
        grew = true;
      }
    }
  }
  return [...pids];
}

/** Every PostgreSQL server process on the machine (the server is shared with whoever else uses it). */
export const postgresPids = (stats = allStats()) =>
  stats.filter((s) => s.comm === 'postgres' || s.comm.startsWith('postgres:')).map((s) => s.pid);

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = n[3]! + n[4]!; // idle + iowait
  return { busy: total - idle, total };
}

/** How to find the processes of one group at each sample (their set may change, e.g. PostgreSQL backends). */
export type PidSource = () => number[] | Promise<number[]>;

export interface CpuFigures {
  /** Mean CPU over the run, in % of one core (200 % = both cores of a 2-core machine). */
  meanPct: number;
  /** Highest one-second sample. */
  maxPct: number;
}

/**
 * Samples the CPU used by groups of processes once a second from /proc, plus the whole machine
 * (so that load from anything else on the machine shows as "other").
 */
export function startCpuSampler(groups: Record<string, PidSource>, intervalMs = 1000) {
  const series: Record<string, number[]> = Object.fromEntries(
    [...Object.keys(groups), 'machine', 'other'].map((k) => [k, []]),
  );
  let previous: {
    at: number;
    ticks: Map<number, number>;
    machine: { busy: number; total: number };
    groups: Record<string, number[]>;
  } | null = null;
  let stopped = false;

  const sample = async () => {
    const stats = allStats();
    const ticks = new Map(stats.map((s) => [s.pid, s.ticks]));
    const resolved: Record<string, number[]> = {};
    for (const [name, source] of Object.entries(groups)) resolved[name] = await source();
    const now = { at: performance.now(), ticks, machine: machineTicks(), groups: resolved };
    if (previous) {
      const seconds = (now.at - previous.at) / 1000;
      let known = 0;
      for (const name of Object.keys(groups)) {
        // Processes in both samples: the ticks they used in between.
        const used = resolved[name]!.reduce(
          (acc, pid) => acc + Math.max((ticks.get(pid) ?? 0) - (previous!.ticks.get(pid) ?? ticks.get(pid) ?? 0), 0),
          0,
        );
        const pct = (used / TICKS_PER_SECOND / seconds) * 100;
        series[name]!.push(pct);
        known += pct;
      }
      const cores = cpus().length;
      const machinePct =
        ((now.machine.busy - previous.machine.busy) / Math.max(now.machine.total - previous.machine.total, 1)) *
        100 *
        cores;
      series.machine!.push(machinePct);
      series.other!.push(Math.max(machinePct - known, 0));
    }
    previous = now;
  };

  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    await sample().catch(() => undefined);
    timer = setTimeout(() => void loop(), intervalMs);
  };
  void loop();

  return {
    /** Stops sampling; per group the mean and highest CPU (in % of one core). */
    async stop(): Promise<Record<string, CpuFigures>> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await sample().catch(() => undefined);
      return Object.fromEntries(
        Object.entries(series).map(([name, values]) => [
          name,
          {
            meanPct: round(values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)),
            maxPct: round(Math.max(0, ...values)),
          },
        ]),
      );
    },
  };
}

/** Resident memory of a process in MiB: current (VmRSS) and peak since start or last reset (VmHWM). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: round(kb('VmRSS') / 1024), peakMiB: round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/**
 * Resets a process's peak RSS (VmHWM) to its current RSS (`echo 5 > /proc/<pid>/clear_refs`), so
 * the peak read later is the peak of the run rather than of start-up (the worker's webpack bundling).
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples the RSS of processes once a second, keeping the highest value seen. */
export function startMemorySampler(pids: Record<string, number>, intervalMs = 1000) {
  const highest: Record<string, number> = Object.fromEntries(Object.keys(pids).map((k) => [k, 0]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const m = memoryOf(pid);
      if (m) highest[name] = Math.max(highest[name]!, m.rssMiB);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): Record<string, number> {
      clearInterval(timer);
      sample();
      return highest;
    },
  };
}

export const loadAverage = () => loadavg().map((v) => round(v, 2)) as [number, number, number];

export function machineInfo() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

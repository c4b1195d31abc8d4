import { defineQuery } from '@temporalio/workflow';

/**
 * The demo loader's workflow id: fixed, so that several API replicas (or restarts, or `npm run
 * db:demo` beside a running system) start it at most once.
 */
export const DEMO_WORKFLOW_ID = 'guanai-demo';
/** The task queue of the loader's activities (they run in the API's process, beside its domain code). */
export const DEMO_TASK_QUEUE = 'guanai-demo';

export interface DemoLoaderInput {
  /** How many cases (about 300 for `npm start`; tests load fewer). */
  total: number;
  /** Cases driven at once. */
  concurrency?: number;
}

export interface DemoProgress {
  phase: 'preparing' | 'cases' | 'finishing' | 'done';
  loaded: number;
  total: number;
}

/** What the loaded demo holds: cases per state, for the launcher and the tests. */
export interface DemoSummary {
  total: number;
  states: Record<string, number>;
  publishedMonths: string[];
}

/** The loader's activities: each idempotent (deterministic ids and update ids), so a retry adds nothing. */
export interface DemoActivities {
  /** Reference data: demo staff, a demo catalogue, donations. */
  prepareDemo(input: { total: number }): Promise<void>;
  /** One case, opened in the past and driven along its path; hands it to real time at the end. */
  loadDemoCase(input: { index: number; total: number }): Promise<void>;
  /** Joint-meeting records, surveys, disclosure months; answers what was loaded. */
  finishDemo(input: { total: number }): Promise<DemoSummary>;
}

export const demoProgressQuery = defineQuery<DemoProgress>('demoProgress');

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { bundleWorkflows } from '../worker.ts';
import { seededNetwork } from './fixtures.ts';
import { startTemporal } from './temporal-env.ts';

export interface Testbed {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  bundle: WorkflowBundle;
  network: Awaited<ReturnType<typeof seededNetwork>>;
}

/** A test file's Temporal dev server, migrated and seeded database, and workflow bundle. */
export function useTestbed(): Testbed {
  const bed = {} as Testbed;
  beforeAll(async () => {
    [bed.env, bed.database, bed.bundle] = await Promise.all([startTemporal(), createTestDatabase(), bundleWorkflows()]);
    bed.network = await seededNetwork(bed.database.db);
  });
  afterAll(async () => {
    await bed.env?.teardown();
    await bed.database?.drop();
  });
  return bed;
}

import { readdirSync, readFileSync } from 'node:fs';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflows } from '../worker.ts';

/**
 * Every history recorded from an earlier version of the workflow (src/test/histories/<version>/)
 * must replay on the current code: a change that would break running cases fails here.
 */
const root = new URL('./histories/', import.meta.url);
const histories = readdirSync(root).flatMap((version) =>
  readdirSync(new URL(`${version}/`, root)).map(
    (file) => [`${version}/${file}`, new URL(`${version}/${file}`, root)] as const,
  ),
);

let bundle: WorkflowBundle;
beforeAll(async () => {
  bundle = await bundleWorkflows();
});

describe('replay of recorded histories', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(4);
  });

  it.each(histories)('%s replays deterministically on the current code', async (_name, file) => {
    const history = JSON.parse(readFileSync(file, 'utf8'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history)).resolves.toBeUndefined();
  });
});

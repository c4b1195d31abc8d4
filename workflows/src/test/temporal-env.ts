import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalCli } from '@guanai/devtools/temporal-cli';

/**
 * A real Temporal dev server for tests, started from the same CLI binary that `npm start` uses.
 * (`createTimeSkipping()` would download a test server, which cannot be done here.)
 */
export function startTemporal(): Promise<TestWorkflowEnvironment> {
  const path = ensureTemporalCli({ log: (line) => console.log(line) });
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path }, ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
  });
}

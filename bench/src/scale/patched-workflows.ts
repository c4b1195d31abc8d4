// The bundle entry of the rolling-upgrade benchmark's new workers (GUANAI_WORKFLOWS_PATH): the case
// workflow as a developer would ship its next version — a patched branch that emits a command of its
// own (a memo upsert), then the current workflow. A history the new code writes cannot be replayed by
// the old code (it never sends that command), which is what makes the upgrade a real one; a history
// the old code wrote replays here, `patched()` answering false where its marker is missing.
import { patched, upsertMemo } from '@temporalio/workflow';
import type { CaseView, CaseWorkflowInput } from '@guanai/workflows';
// The workflows package exports no sandbox code (its index is for the API), so the current workflow
// is reached by path, as its own bundle entry reaches it.
// eslint-disable-next-line guanai/no-cross-package-relative
import { caseWorkflow as currentCaseWorkflow } from '../../../workflows/src/case/workflow.ts';

// eslint-disable-next-line guanai/no-cross-package-relative
export { disclosureWorkflow } from '../../../workflows/src/disclosure/workflow.ts';

/** The patch id (rolling-upgrade.ts looks for its marker): the new version ran that case from its start. */
const ROLLING_UPGRADE_PATCH = 'scale-rolling-upgrade';

/** The case workflow, version `scale-rolling-upgrade`: it records its version in the memo first. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  if (patched(ROLLING_UPGRADE_PATCH)) upsertMemo({ workflowVersion: ROLLING_UPGRADE_PATCH });
  return currentCaseWorkflow(input);
}

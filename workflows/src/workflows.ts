// The workflow bundle entry: every workflow the worker runs.
export { caseWorkflow } from './case/workflow.ts';
export { disclosureWorkflow } from './disclosure/workflow.ts';

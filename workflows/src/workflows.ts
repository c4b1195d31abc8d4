// The workflow bundle entry: every workflow the worker runs.
export { caseWorkflow } from './case/workflow.ts';
export { disclosureWorkflow } from './disclosure/workflow.ts';
export { handoverWorkflow } from './handover/workflow.ts';
export { demoLoaderWorkflow } from './demo/loader-workflow.ts';
export { deliverNotification } from './notify/workflow.ts';
export { morningDigestWorkflow } from './notify/digest-workflow.ts';

// What other packages may import from @guanai/workflows (no workflow-sandbox code).
export * from './case/types.ts';
export * from './case/rules.ts';
export { caseMachine, refusalOf, stateName, acceptedEventTypes, type CaseContext, type CaseEvent, type CaseEventType, type CaseInput, type CaseSnapshot } from './case/machine.ts';
export * from './case/messages.ts';
export type { CaseProjection } from './case/projection.ts';

import type { Need } from '@guanai/workflows';

/** The current assessment's needs of a case (re-assessment replaces them). */
export const needsOf = (data: unknown): Need[] =>
  (data as { assessments?: { needs: Need[] }[] }).assessments?.at(-1)?.needs ?? [];

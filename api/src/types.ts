/**
 * The shapes of the API's answers that the admin reads, as `@guanai/api/types`: import them with
 * `import type`, so that nothing of the API (or of the workflows behind it) is bundled.
 */
export type { Kpis } from './domain/kpis/compute-kpis.ts';
export type { DisclosedRow, ProjectFigures, PublishResult } from '@guanai/workflows';

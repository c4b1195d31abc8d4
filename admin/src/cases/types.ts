/**
 * A view model only: the API's answers are typed by `@guanai/api/types` (TCase, TCaseDetail, TCaseEvent).
 */
import type { TCase, TCaseDetail } from '@guanai/api/types';

/**
 * A case as the show page has it: GET /api/cases/:id answers the detail (TCaseDetail), but until it
 * does, react-admin shows the record the list answered (TCase), which has no actions, events or tasks.
 */
export type CaseRecord = TCase & Partial<Pick<TCaseDetail, 'actions' | 'events' | 'tasks'>>;

/**
 * A view model and named parts of the API's answers; the answers themselves are typed by
 * `@guanai/api/types` (TPersonRecord, TPersonDetail, TDuplicate, TPersonImport).
 */
import type { TPersonDetail, TPersonImport, TPersonRecord } from '@guanai/api/types';

/**
 * A person as the show and edit pages have them: GET /api/people/:id answers the detail (household
 * and cases), but until it does, react-admin shows the record the list answered (TPersonRecord).
 */
export type PersonRecord = TPersonRecord & Partial<Pick<TPersonDetail, 'household' | 'cases'>>;

export type HouseholdMember = NonNullable<TPersonDetail['household']>['members'][number];

export type ImportProblem = TPersonImport['problems'][number];

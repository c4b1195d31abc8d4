/**
 * Named parts of the evaluation and joint-meeting API's answers, and view models. The answers
 * themselves are typed by `@guanai/api/types` (Kpis, TUnitKpis, TKpiTrend, PublishResult,
 * TSurveyCreated, TResourceEvaluations, TMeeting, TMeetingDetail, TAgendaCase, TDepartment) and the
 * bodies by the routes the data provider calls: nothing here is a copy of them.
 */
import type { TMeeting, TMeetingDetail, TResolution } from '@guanai/api/types';

/**
 * A meeting as its show page has it: GET /api/meetings/:id answers the agenda and the resolutions
 * (TMeetingDetail), but until it does, the page may show the record the list or the create answered.
 */
export type MeetingRecord = TMeeting & Partial<Pick<TMeetingDetail, 'agenda' | 'items'>>;

/** What the meeting resolved on one case. */
export type MeetingItem = TMeetingDetail['items'][number];

/** One action a resolution assigns to a member department, with its deadline. */
export type MeetingAction = TResolution['actions'][number];

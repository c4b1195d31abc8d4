/**
 * The shapes of the API's requests and answers, as `@guanai/api/types`, inferred from the zod
 * schemas the routes declare (and the OpenAPI document is built from): import them with
 * `import type`, so that nothing of the API (or of the workflows behind it) is bundled. The admin
 * calls the API through `hc<AppType>` (admin/src/providers/api.ts), typed by the same declarations.
 */
export type { AppType } from './app.ts';
export type { TProblem } from './openapi/router.ts';
export type { Kpis } from './domain/kpis/compute-kpis.ts';
export type { TSurveyAnswers } from './domain/surveys/survey-answers.ts';
export type { DisclosedRow, ProjectFigures, PublishResult } from '@guanai/workflows';
export type { TAttachment } from './routes/attachments/attachments.types.ts';
export type { TChangePassword, TMe } from './routes/auth/auth.types.ts';
export type { TCaseAction, TOfferedAction, TNote, TCaseState, TCaseFlag } from './routes/cases/case-actions.types.ts';
export type { TCreateCase, TCase, TCaseEvent, TCaseDetail } from './routes/cases/cases.types.ts';
export type { TProposeMatch, TCaseMatching } from './routes/cases/matching.types.ts';
export type { TAssessedNeed, TCasePlan, TPlanItem } from './routes/cases/plan.types.ts';
export type { TSurveyCreated } from './routes/cases/surveys.types.ts';
export type { TDepartment } from './routes/departments/departments.types.ts';
export type {
  THome,
  THomeLink,
  THomeFigure,
  TCaseworkerHome,
  TSupervisorHome,
  TManagerHome,
  TStationHome,
  TPartnerHome,
  THomeMap,
  TMapArea,
  MapFigure,
} from './routes/home/home.types.ts';
export type { TUpdateHousehold, THousehold } from './routes/households/households.types.ts';
export type { TCaseEligibility, TEligibilityStandard } from './routes/eligibility/eligibility.types.ts';
export type { TFormDefinition } from './routes/forms/forms.types.ts';
export type { TKpiUnit, TUnitKpis, TKpiTrend } from './routes/kpis/kpis.types.ts';
export type { TDecline, TDelivery, TMatch } from './routes/matches/matches.types.ts';
export type {
  TScheduleMeeting,
  TResolution,
  TMeeting,
  TAgendaCase,
  TMeetingDetail,
} from './routes/meetings/meetings.types.ts';
export type { TNotification } from './routes/notifications/notifications.types.ts';
export type {
  TCreateOrgUnit,
  TUpdateOrgUnit,
  TOrgUnit,
  TOrgRosterImportResult,
} from './routes/org-units/org-units.types.ts';
export type { TPartnerBody, TUpdatePartner, TPartner } from './routes/partners/partners.types.ts';
export type {
  TPersonInput,
  TUpdatePerson,
  TPersonListFilter,
  TPersonRecord,
  TPersonDetail,
  TDuplicate,
  TPersonIdNumber,
} from './routes/people/people.types.ts';
export type { TPersonImport } from './routes/people/person-import.types.ts';
export type {
  TPublishProject,
  TRespondToProject,
  TProject,
  TStaffProject,
  TProjectDetail,
  TPledge,
} from './routes/projects/projects.types.ts';
export type { TDisclosurePeriod, TDisclosure } from './routes/public/disclosures.types.ts';
export type { TOffer } from './routes/public/projects.types.ts';
export type { TPublicCampaign } from './routes/public/campaigns.types.ts';
export type { TReceipt } from './routes/donations/donations.types.ts';
export type { TSurveyForm } from './routes/public/surveys.types.ts';
export type { TSelfReportBody, TResourceEvaluations } from './routes/resources/evaluations.types.ts';
export type {
  TCreateResource,
  TUpdateResource,
  TDonationBody,
  TResource,
  TDonation,
} from './routes/resources/resources.types.ts';
export type {
  TSlaPolicyBody,
  TCalendarDayBody,
  TSlaPolicy,
  TSlaPolicyChanged,
  TCalendarDay,
  TSlaOverview,
} from './routes/sla/sla.types.ts';
export type { TSupervisionScoreBody } from './routes/supervision-scores/supervision-scores.types.ts';
export type { TCompleteBody, TTask } from './routes/tasks/tasks.types.ts';
export type { TTaskCounts, TTaskListFilter } from './routes/tasks/tasks.types.ts';
export type { TCreateSavedView, TSavedView } from './routes/saved-views/saved-views.types.ts';
export type { TCreateUser, TUpdateUser, TUser, TTemporaryPassword, TCreatedUser } from './routes/users/users.types.ts';
export type {
  TApplication,
  TApplicationListFilter,
  TAcceptApplication,
  TDeclineApplication,
} from './routes/applications/applications.types.ts';
export type {
  TSubmitApplication,
  TChallenge,
  TApplicationReceipt,
  TPublicApplicationStatus,
} from './routes/public/applications.types.ts';
export type { TPublicCommunity } from './routes/public/communities.types.ts';

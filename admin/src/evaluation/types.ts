/** The shapes of the evaluation, disclosure and joint-meeting API (api/src/routes/{evaluation,disclosure,meetings}). */

import type { Kpis, PublishResult } from '@guanai/api/types';
import type { MeetingNextStep, MeetingStatus, SurveyQuestion } from '@guanai/workflows/vocabulary';

/** 绩效综合评价 (§四(八)): one center's figures for a month, as the API computes them (types only: nothing of it is bundled). */
export type { Kpis };

export interface KpiUnit {
  id: string;
  name: string;
  level: string;
  path: string;
}

export type UnitKpis = Kpis & { unit: KpiUnit };

export interface KpiTrend {
  unit: KpiUnit;
  months: Kpis[];
}

/** The center asked for (the caller's own when left out) and the month or months. */
export interface KpiQuery {
  unitId?: string;
  period: string;
}

export interface KpiRangeQuery {
  unitId?: string;
  from: string;
  to: string;
}

/** What publishing a month did: a first version, a correction, or nothing new. */
export type { PublishResult };

/** 满意度回访: three ratings 1–5 and an optional comment. */
export type SurveyAnswers = Record<SurveyQuestion, number> & { comment?: string };

export type SurveyCreated =
  | { id: string; channel: 'CASEWORKER'; score: number }
  | { id: string; channel: 'RECIPIENT_LINK'; link: string; token: string; expiresAt: string };

export interface SelfReportBody {
  period: string;
  served: number;
  hours?: number;
  spent?: number;
  narrative: string;
  score: number;
}

/** A supervision score for a center (unitId) or a purchased-service contract (resourceId), never both. */
export interface SupervisionScoreBody {
  period: string;
  unitId?: string;
  resourceId?: string;
  score: number;
  comment?: string;
}

export interface ResourceEvaluations {
  selfReports: {
    id: string;
    period: string;
    served: number;
    hours: number | null;
    spent: number | null;
    narrative: string;
    score: number;
  }[];
  supervision: { id: string; period: string; score: number; comment: string | null }[];
}

/** 联席会议 (§四(九)). */
export interface Meeting {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  scheduledAt: string;
  location: string | null;
  /** Member departments, by code (GET /api/departments names them). */
  departments: string[];
  status: MeetingStatus;
  minutes: string | null;
  heldAt: string | null;
  resolved: number;
}

export interface AgendaNeed {
  category: string;
  severity?: string;
  description?: string;
}

/** A case referred to the meeting's unit and not yet resolved. */
export interface AgendaCase {
  caseId: string;
  caseNo: string;
  personName: string;
  community: string;
  township: string | null;
  situation: string;
  emergency: boolean;
  needs: AgendaNeed[];
  referredAt: string;
}

export interface MeetingAction {
  department: string;
  action: string;
  deadline: string;
}

export interface MeetingItem {
  id: string;
  caseId: string;
  caseNo: string;
  resolution: string;
  next: MeetingNextStep;
  actions: MeetingAction[];
  resolvedAt: string;
}

/**
 * GET /api/meetings/:id. Until it answers, the page may show the record the list or the create
 * returned, which has no agenda or items yet.
 */
export interface MeetingDetail extends Meeting {
  agenda?: AgendaCase[];
  items?: MeetingItem[];
}

export interface ResolutionBody {
  caseId: string;
  resolution: string;
  next: MeetingNextStep;
  actions: MeetingAction[];
}

export interface Department {
  id: string;
  code: string;
  name: string;
}

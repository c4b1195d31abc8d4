import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import type {
  AidResource,
  CaseMatching,
  Donation,
  EvidenceFile,
  Match,
  Project,
  ProjectStatus,
} from '../matching/types.ts';
import type { Duplicate, PeopleImport, Person } from '../people/types.ts';
import type {
  KpiQuery,
  KpiRangeQuery,
  KpiTrend,
  Meeting,
  PublishResult,
  ResolutionBody,
  ResourceEvaluations,
  SelfReportBody,
  SupervisionScoreBody,
  SurveyAnswers,
  SurveyCreated,
  UnitKpis,
} from '../evaluation/types.ts';
import { httpClient, problemText, type Problem } from './http.ts';

export const API_URL = '/api';

export interface GuanaiDataProvider extends DataProvider {
  claimTask(id: string): Promise<{ data: { id: string } }>;
  releaseTask(id: string): Promise<{ data: { id: string } }>;
  completeTask(id: string, form: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
  caseAction(caseId: string, action: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
  addNote(
    caseId: string,
    note: { text: string; kind: string; attachmentIds: string[] },
  ): Promise<{ data: { caseId: string } }>;
  uploadAttachment(caseId: string, file: File): Promise<{ data: { id: string; filename: string } }>;
  markNotificationRead(id: string): Promise<{ data: null }>;
  /** The full identity number; the API audits who asked and why. */
  revealIdNumber(personId: string, reason: string): Promise<{ data: { idNumber: string } }>;
  /** Merges a duplicate record into the one kept; answers the kept person. */
  mergePerson(personId: string, body: { intoId: string; reason: string }): Promise<{ data: Person }>;
  checkDuplicates(body: Record<string, unknown>): Promise<{ data: Duplicate[] }>;
  startPeopleImport(file: File, dryRun: boolean): Promise<{ data: PeopleImport }>;
  getPeopleImport(id: string): Promise<{ data: PeopleImport }>;
  /** The registry as CSV, with the list's filter. */
  exportPeople(filter: Record<string, unknown>): Promise<{ data: { blob: Blob; filename: string } }>;
  importOrgUnits(csv: string, dryRun: boolean): Promise<{ data: OrgUnitImportResult }>;
  resetPassword(userId: string): Promise<{ data: { temporaryPassword: string } }>;
  changePassword(body: { currentPassword: string; newPassword: string }): Promise<{ data: null }>;
  /** Each need of a case in matching with its ranked candidates, the excluded with reasons, and its matches. */
  getCaseMatching(caseId: string): Promise<{ data: CaseMatching }>;
  /** Proposes a candidate for a need; `key` is the dialog's Idempotency-Key, so a retried click holds nothing twice. */
  proposeMatch(
    caseId: string,
    body: { needIndex: number; resourceId: string; places?: number; amount?: number; note?: string },
    key: string,
  ): Promise<{ data: Match }>;
  acceptMatch(id: string): Promise<{ data: Match }>;
  declineMatch(id: string, reason: string): Promise<{ data: Match }>;
  cancelMatch(id: string, reason: string): Promise<{ data: Match }>;
  /** A photo or PDF as delivery evidence, uploaded before the delivery that names it. */
  uploadEvidence(matchId: string, file: File): Promise<{ data: EvidenceFile }>;
  recordDelivery(matchId: string, body: Record<string, unknown>, key: string): Promise<{ data: Match }>;
  setResourceStatus(id: string, status: string): Promise<{ data: AidResource }>;
  getDonations(resourceId: string): Promise<{ data: Donation[] }>;
  addDonation(
    resourceId: string,
    body: { donorName: string; amount: number; receivedOn: string; channel?: string },
    key: string,
  ): Promise<{ data: { id: string } }>;
  publishProject(body: {
    caseId: string;
    needIndex: number;
    title: string;
    description: string;
    amount?: number;
    service?: string;
  }): Promise<{ data: Project }>;
  closeProject(id: string, status: Exclude<ProjectStatus, 'PUBLISHED'>): Promise<{ data: Project }>;
  respondToProject(
    id: string,
    body: { message: string; amount?: number; resourceId?: string },
  ): Promise<{ data: { id: string } }>;
  /** 绩效评价: one center's KPIs for a month (the caller's own center without unitId). */
  getKpis(query: KpiQuery): Promise<{ data: UnitKpis }>;
  /** The center and the centers below it, side by side for a month (the center first). */
  compareKpis(query: KpiQuery): Promise<{ data: UnitKpis[] }>;
  getKpiTrend(query: KpiRangeQuery): Promise<{ data: KpiTrend }>;
  /** The trend as the API's CSV, fetched with the session cookie. */
  exportKpis(query: KpiRangeQuery): Promise<{ data: { blob: Blob; filename: string } }>;
  /** 过程信息公开: publishes a month that has ended now, as the monthly schedule would. */
  publishDisclosure(period: string): Promise<{ data: PublishResult }>;
  /** 满意度回访: with answers, taken by the caseworker; without, a one-time link for the recipient's phone. */
  createSurvey(caseId: string, answers?: SurveyAnswers): Promise<{ data: SurveyCreated }>;
  addSelfReport(resourceId: string, body: SelfReportBody): Promise<{ data: { id: string } }>;
  addSupervisionScore(body: SupervisionScoreBody): Promise<{ data: { id: string } }>;
  getResourceEvaluations(resourceId: string): Promise<{ data: ResourceEvaluations }>;
  /** 联席会议: the resolution on one case of the meeting's agenda (its actions become tasks). */
  resolveMeetingCase(meetingId: string, body: ResolutionBody): Promise<{ data: { id: string; caseId: string } }>;
  markMeetingHeld(meetingId: string, minutes: string): Promise<{ data: Meeting }>;
}

/** A clean roster: how many rows it has, and how many were imported (0 on a dry run). */
export interface OrgUnitImportResult {
  dryRun: boolean;
  rows: number;
  imported: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type of a roster file, by its extension (browsers often leave File.type empty for .xlsx). */
export const rosterContentType = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');

/** The filename of a download, from Content-Disposition (filename*=UTF-8'' first), or a fallback. */
function downloadName(disposition: string | null, fallback: string) {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** A fresh key per user action: a retried request (same key) has one effect on the server. */
const idempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

const action = async (path: string, body?: unknown) => {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    headers: new Headers({ 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { data: json };
};

/** A POST whose Idempotency-Key the caller keeps (one per dialog or form, reused when the user retries). */
const keyedAction = async (path: string, body: unknown, key: string) => {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    headers: new Headers({ 'Content-Type': 'application/json', 'Idempotency-Key': key }),
    body: JSON.stringify(body),
  });
  return { data: json };
};

const get = async (path: string) => ({ data: (await httpClient(`${API_URL}${path}`)).json });

/** A query string of the values given (undefined ones left out). */
const searchOf = (params: object) =>
  new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  ).toString();

export const dataProvider: GuanaiDataProvider = {
  ...simpleRestProvider(API_URL, httpClient),
  claimTask: (id) => action(`/tasks/${encodeURIComponent(id)}/claim`),
  releaseTask: (id) => action(`/tasks/${encodeURIComponent(id)}/release`),
  completeTask: (id, form) => action(`/tasks/${encodeURIComponent(id)}/complete`, { form }),
  caseAction: (caseId, body) => action(`/cases/${caseId}/actions`, body),
  addNote: (caseId, note) => action(`/cases/${caseId}/notes`, note),
  uploadAttachment: async (caseId, file) => {
    const { json } = await httpClient(`${API_URL}/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': file.type, 'X-Filename': encodeURIComponent(file.name) }),
      body: file,
    });
    return { data: json };
  },
  markNotificationRead: async (id) => {
    await httpClient(`${API_URL}/notifications/${id}/read`, { method: 'POST' });
    return { data: null };
  },
  revealIdNumber: async (personId, reason) => {
    const { json } = await httpClient(
      `${API_URL}/people/${encodeURIComponent(personId)}/id-number?reason=${encodeURIComponent(reason)}`,
    );
    return { data: json };
  },
  mergePerson: (personId, body) => action(`/people/${encodeURIComponent(personId)}/merge`, body),
  checkDuplicates: async (body) => {
    const { data } = await action('/people/duplicates', body);
    return { data: (data as { duplicates?: Duplicate[] }).duplicates ?? [] };
  },
  startPeopleImport: async (file, dryRun) => {
    const { json } = await httpClient(`${API_URL}/people/imports?dryRun=${dryRun}`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': rosterContentType(file), 'X-Filename': encodeURIComponent(file.name) }),
      // The bytes rather than the File: the same request in every fetch (a File from another realm is not a body to Node's).
      body: await file.arrayBuffer(),
    });
    return { data: json };
  },
  getPeopleImport: async (id) => {
    const { json } = await httpClient(`${API_URL}/people/imports/${encodeURIComponent(id)}`);
    return { data: json };
  },
  exportPeople: async (filter) => {
    const query = new URLSearchParams({ filter: JSON.stringify(filter) });
    const response = await fetch(`${API_URL}/people/export?${query}`, {
      credentials: 'include',
      headers: { Accept: 'text/csv' },
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
      throw new HttpError(problemText(problem) || response.statusText, response.status, problem);
    }
    const today = new Date().toISOString().slice(0, 10);
    return {
      data: {
        blob: await response.blob(),
        filename: downloadName(response.headers.get('Content-Disposition'), `people-${today}.csv`),
      },
    };
  },
  importOrgUnits: async (csv, dryRun) => {
    const { json } = await httpClient(`${API_URL}/org-units/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'text/csv' }),
      body: csv,
    });
    return { data: json };
  },
  resetPassword: (userId) => action(`/users/${encodeURIComponent(userId)}/reset-password`),
  changePassword: async (body) => {
    await httpClient(`${API_URL}/auth/password`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
    return { data: null };
  },
  getCaseMatching: (caseId) => get(`/cases/${encodeURIComponent(caseId)}/matching`),
  proposeMatch: (caseId, body, key) => keyedAction(`/cases/${encodeURIComponent(caseId)}/matches`, body, key),
  acceptMatch: (id) => action(`/matches/${encodeURIComponent(id)}/accept`),
  declineMatch: (id, reason) => action(`/matches/${encodeURIComponent(id)}/decline`, { reason }),
  cancelMatch: (id, reason) => action(`/matches/${encodeURIComponent(id)}/cancel`, { reason }),
  uploadEvidence: async (matchId, file) => {
    const { json } = await httpClient(`${API_URL}/matches/${encodeURIComponent(matchId)}/evidence`, {
      method: 'POST',
      headers: new Headers({
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
      }),
      // The bytes rather than the File, as for rosters: the same request in every fetch.
      body: await file.arrayBuffer(),
    });
    return { data: json };
  },
  recordDelivery: (matchId, body, key) => keyedAction(`/matches/${encodeURIComponent(matchId)}/deliveries`, body, key),
  setResourceStatus: (id, status) => action(`/resources/${encodeURIComponent(id)}/status`, { status }),
  getDonations: (resourceId) => get(`/resources/${encodeURIComponent(resourceId)}/donations`),
  addDonation: (resourceId, body, key) =>
    keyedAction(`/resources/${encodeURIComponent(resourceId)}/donations`, body, key),
  publishProject: (body) => action('/projects', body),
  closeProject: (id, status) => action(`/projects/${encodeURIComponent(id)}/close`, { status }),
  respondToProject: (id, body) => action(`/projects/${encodeURIComponent(id)}/responses`, body),
  getKpis: (query) => get(`/kpis?${searchOf(query)}`),
  compareKpis: (query) => get(`/kpis/compare?${searchOf(query)}`),
  getKpiTrend: (query) => get(`/kpis/trend?${searchOf(query)}`),
  exportKpis: async (query) => {
    const response = await fetch(`${API_URL}/kpis/export?${searchOf(query)}`, {
      credentials: 'include',
      headers: { Accept: 'text/csv' },
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
      throw new HttpError(problemText(problem) || response.statusText, response.status, problem);
    }
    return {
      data: {
        blob: await response.blob(),
        filename: downloadName(response.headers.get('Content-Disposition'), `kpis-${query.from}-${query.to}.csv`),
      },
    };
  },
  publishDisclosure: (period) => action(`/disclosures/${encodeURIComponent(period)}/publish`),
  createSurvey: (caseId, answers) => action(`/cases/${encodeURIComponent(caseId)}/surveys`, answers ? { answers } : {}),
  addSelfReport: (resourceId, body) => action(`/resources/${encodeURIComponent(resourceId)}/self-reports`, body),
  addSupervisionScore: (body) => action('/supervision-scores', body),
  getResourceEvaluations: (resourceId) => get(`/resources/${encodeURIComponent(resourceId)}/evaluations`),
  resolveMeetingCase: (meetingId, body) => action(`/meetings/${encodeURIComponent(meetingId)}/resolutions`, body),
  markMeetingHeld: (meetingId, minutes) => action(`/meetings/${encodeURIComponent(meetingId)}/held`, { minutes }),
};

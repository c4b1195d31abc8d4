import type { TPersonListFilter, TTaskListFilter } from '@guanai/api/types';
import type { ClientResponse } from 'hono/client';
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { api, ok, write, type JsonOf, type QueryOf } from './api.ts';
import { httpClient } from './http.ts';

export const API_URL = '/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type of a roster file, by its extension (browsers often leave File.type empty for .xlsx). */
export const rosterContentType = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');

/** The filename of a download, from Content-Disposition (filename*=UTF-8'' first), or a fallback. */
function downloadName(disposition: string | null, fallback: string) {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** A path parameter, percent-encoded: hono/client puts it into the path as it is (task ids hold a colon). */
const byId = (id: string) => ({ id: encodeURIComponent(id) });

/** A successful answer's body, as react-admin's `{ data }` (typed by the route's declared response). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hono/client's own bound for a response
const dataOf = async <T extends ClientResponse<any>>(response: Promise<T>) => ({ data: await ok(response) });

/** A CSV answer as a file to save: its bytes, and its name from Content-Disposition (or the fallback). */
async function download(response: Promise<Response>, fallback: () => string) {
  const answer = await response;
  const filename = downloadName(answer.headers.get('Content-Disposition'), fallback());
  return { data: { blob: await answer.blob(), filename } };
}

/** The two files a list exports as. */
export type ExportFormat = 'csv' | 'xlsx';
const exportHeaders = (format: ExportFormat) => ({ headers: { Accept: format === 'xlsx' ? XLSX : 'text/csv' } });
const exportName = (list: string, format: ExportFormat) => `${list}-${new Date().toISOString().slice(0, 10)}.${format}`;

/** A file as a request body, its name percent-encoded (UTF-8) in X-Filename, as the upload routes read it. */
const upload = (contentType: string, name: string, body: BodyInit) => ({
  headers: { 'Content-Type': contentType, 'X-Filename': encodeURIComponent(name) },
  init: { body },
});

/**
 * The API's actions beyond react-admin's CRUD, through its typed client (`api`, typed by the routes'
 * declarations): each method's body, query and answer are the API's own types. A write sends a fresh
 * Idempotency-Key per call, unless the caller passes the `key` of its dialog or form (reused when
 * the user retries, so that a retried click has one effect).
 */
const customMethods = {
  claimTask: (id: string) => dataOf(api.tasks[':id'].claim.$post({ param: byId(id) }, write())),
  /** Gives the task back to its queue; a supervisor releasing a colleague's task gives a reason. */
  releaseTask: (id: string, reason?: string) =>
    dataOf(api.tasks[':id'].release.$post({ param: byId(id), json: reason ? { reason } : {} }, write())),
  /** 改派: a supervisor hands a task to a colleague, with a reason. */
  reassignTask: (id: string, assigneeId: string, reason: string) =>
    dataOf(api.tasks[':id'].reassign.$post({ param: byId(id), json: { assigneeId, reason } }, write())),
  /** 批量移交: up to 200 tasks to a colleague or back to their queues; `key` is the dialog's, so a retry is the same run. */
  handOverTasks: (body: JsonOf<typeof api.tasks.handover.$post>, key: string) =>
    dataOf(api.tasks.handover.$post({ json: body }, write(key))),
  /** Who covers me now, and whom I cover (the inbox banner). */
  getCurrentCover: () => dataOf(api.absences.current.$get()),
  /** The inbox's tab counts (each the total of its tab's list). */
  getTaskCounts: () => dataOf(api.tasks.counts.$get()),
  /** The inbox's filtered list as the API's CSV or Excel (masked, audited), in the list's order. */
  exportTasks: (filter: TTaskListFilter, sort: [string, 'ASC' | 'DESC'], format: ExportFormat = 'csv') =>
    download(
      api.tasks.export.$get(
        { query: { filter: JSON.stringify(filter), sort: JSON.stringify(sort), format } },
        exportHeaders(format),
      ),
      () => exportName('tasks', format),
    ),
  /** The case list as filtered and sorted, as CSV or Excel (numbers and phones masked; audited). */
  exportCases: (filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'], format: ExportFormat) =>
    download(
      api.cases.export.$get(
        { query: { filter: JSON.stringify(filter), sort: JSON.stringify(sort), format } },
        exportHeaders(format),
      ),
      () => exportName('cases', format),
    ),
  /** The match list as filtered, as CSV or Excel (masked as the list shows it; audited). */
  exportMatches: (filter: Record<string, unknown>, format: ExportFormat) =>
    download(
      api.matches.export.$get({ query: { filter: JSON.stringify(filter), format } }, exportHeaders(format)),
      () => exportName('matches', format),
    ),
  /** 救助台账: the deliveries of the matches the filter keeps (a month, …), as CSV or Excel (masked; audited). */
  exportDeliveries: (filter: Record<string, unknown>, format: ExportFormat) =>
    download(
      api.deliveries.export.$get({ query: { filter: JSON.stringify(filter), format } }, exportHeaders(format)),
      () => exportName('deliveries', format),
    ),
  /** 已保存的视图: my named inbox filters. */
  getSavedViews: () => dataOf(api['saved-views'].$get()),
  /** `key` is the dialog's Idempotency-Key, so a retried click saves the view once. */
  saveView: (body: JsonOf<(typeof api)['saved-views']['$post']>, key?: string) =>
    dataOf(api['saved-views'].$post({ json: body }, write(key))),
  deleteSavedView: (id: string) => dataOf(api['saved-views'][':id'].$delete({ param: byId(id) }, write())),
  /** `answers` (issue 17): the defined form's answers, beside the task kind's own form. */
  completeTask: (
    id: string,
    form: JsonOf<(typeof api.tasks)[':id']['complete']['$post']>['form'],
    answers?: JsonOf<(typeof api.tasks)[':id']['complete']['$post']>['answers'],
  ) =>
    dataOf(
      api.tasks[':id'].complete.$post({ param: byId(id), json: { form, ...(answers ? { answers } : {}) } }, write()),
    ),
  /** 表单定义 (issue 17): the version to answer for a case (its district's, else the city's). */
  getCurrentForm: (query: QueryOf<typeof api.forms.current.$get>) => dataOf(api.forms.current.$get({ query })),
  /** Publishes a draft as its scope's next version; retires a published one (no new answers with it). */
  publishForm: (id: string) => dataOf(api.forms[':id'].publish.$post({ param: byId(id) }, write())),
  retireForm: (id: string) => dataOf(api.forms[':id'].retire.$post({ param: byId(id) }, write())),
  caseAction: (caseId: string, action: JsonOf<(typeof api.cases)[':id']['actions']['$post']>) =>
    dataOf(api.cases[':id'].actions.$post({ param: byId(caseId), header: {}, json: action }, write())),
  addNote: (caseId: string, note: JsonOf<(typeof api.cases)[':id']['notes']['$post']>) =>
    dataOf(api.cases[':id'].notes.$post({ param: byId(caseId), header: {}, json: note }, write())),
  uploadAttachment: (caseId: string, file: File) =>
    dataOf(api.cases[':id'].attachments.$post({ param: byId(caseId) }, upload(file.type, file.name, file))),
  markNotificationRead: async (id: string) => {
    await api.notifications[':id'].read.$post({ param: byId(id) });
    return { data: null };
  },
  /** The full identity number; the API audits who asked and why. */
  revealIdNumber: (personId: string, reason: string) =>
    dataOf(api.people[':id']['id-number'].$get({ param: byId(personId), query: { reason } })),
  /** Merges a duplicate record into the one kept; answers the kept person. */
  mergePerson: (personId: string, body: JsonOf<(typeof api.people)[':id']['merge']['$post']>) =>
    dataOf(api.people[':id'].merge.$post({ param: byId(personId), json: body }, write())),
  checkDuplicates: async (body: JsonOf<typeof api.people.duplicates.$post>) => ({
    data: (await ok(api.people.duplicates.$post({ json: body }, write()))).duplicates,
  }),
  startPeopleImport: async (file: File, dryRun: boolean) =>
    dataOf(
      api.people.imports.$post(
        { query: { dryRun: dryRun ? 'true' : 'false' } },
        // The bytes rather than the File: the same request in every fetch (a File from another realm is not a body to Node's).
        upload(rosterContentType(file), file.name, await file.arrayBuffer()),
      ),
    ),
  getPeopleImport: (id: string) => dataOf(api.people.imports[':id'].$get({ param: byId(id) })),
  /** The registry as CSV, with the list's filter. */
  exportPeople: (filter: TPersonListFilter) =>
    download(
      api.people.export.$get({ query: { filter: JSON.stringify(filter) } }, { headers: { Accept: 'text/csv' } }),
      () => `people-${new Date().toISOString().slice(0, 10)}.csv`,
    ),
  importOrgUnits: (csv: string, dryRun: boolean) =>
    dataOf(
      api['org-units'].import.$post(
        { query: { dryRun: dryRun ? 'true' : 'false' } },
        { headers: { 'Content-Type': 'text/csv' }, init: { body: csv } },
      ),
    ),
  resetPassword: (userId: string) => dataOf(api.users[':id']['reset-password'].$post({ param: byId(userId) }, write())),
  changePassword: async (body: JsonOf<typeof api.auth.password.$post>) => {
    await api.auth.password.$post({ json: body });
    return { data: null };
  },
  /** Each need of a case in matching with its ranked candidates, the excluded with reasons, and its matches. */
  getCaseMatching: (caseId: string) => dataOf(api.cases[':id'].matching.$get({ param: byId(caseId) })),
  /** Proposes a candidate for a need; `key` is the dialog's Idempotency-Key, so a retried click holds nothing twice. */
  proposeMatch: (caseId: string, body: JsonOf<(typeof api.cases)[':id']['matches']['$post']>, key: string) =>
    dataOf(api.cases[':id'].matches.$post({ param: byId(caseId), json: body }, write(key))),
  acceptMatch: (id: string) => dataOf(api.matches[':id'].accept.$post({ param: byId(id) }, write())),
  declineMatch: (id: string, reason: string) =>
    dataOf(api.matches[':id'].decline.$post({ param: byId(id), json: { reason } }, write())),
  cancelMatch: (id: string, reason: string) =>
    dataOf(api.matches[':id'].cancel.$post({ param: byId(id), json: { reason } }, write())),
  /** A photo or PDF as delivery evidence, uploaded before the delivery that names it. */
  uploadEvidence: async (matchId: string, file: File) =>
    dataOf(
      api.matches[':id'].evidence.$post(
        { param: byId(matchId) },
        // The bytes rather than the File, as for rosters: the same request in every fetch.
        upload(file.type || 'application/octet-stream', file.name, await file.arrayBuffer()),
      ),
    ),
  recordDelivery: (matchId: string, body: JsonOf<(typeof api.matches)[':id']['deliveries']['$post']>, key: string) =>
    dataOf(api.matches[':id'].deliveries.$post({ param: byId(matchId), json: body }, write(key))),
  setResourceStatus: (id: string, status: JsonOf<(typeof api.resources)[':id']['status']['$post']>['status']) =>
    dataOf(api.resources[':id'].status.$post({ param: byId(id), json: { status } }, write())),
  getDonations: (resourceId: string) => dataOf(api.resources[':id'].donations.$get({ param: byId(resourceId) })),
  addDonation: (resourceId: string, body: JsonOf<(typeof api.resources)[':id']['donations']['$post']>, key: string) =>
    dataOf(api.resources[':id'].donations.$post({ param: byId(resourceId), json: body }, write(key))),
  /** 捐赠收据: a donation's receipt, with its refunds and reversals. */
  getDonation: (id: string) => dataOf(api.donations[':id'].$get({ param: byId(id) })),
  /** 退款 / 冲正: a new ledger entry with its reason; `key` is the dialog's Idempotency-Key. */
  refundDonation: (id: string, body: JsonOf<(typeof api.donations)[':id']['refunds']['$post']>, key: string) =>
    dataOf(api.donations[':id'].refunds.$post({ param: byId(id), json: body }, write(key))),
  reverseDonation: (id: string, reason: string, key: string) =>
    dataOf(api.donations[':id'].reversals.$post({ param: byId(id), json: { reason } }, write(key))),
  publishProject: (body: JsonOf<typeof api.projects.$post>) => dataOf(api.projects.$post({ json: body }, write())),
  closeProject: (id: string, status: JsonOf<(typeof api.projects)[':id']['close']['$post']>['status']) =>
    dataOf(api.projects[':id'].close.$post({ param: byId(id), json: { status } }, write())),
  respondToProject: (id: string, body: JsonOf<(typeof api.projects)[':id']['responses']['$post']>) =>
    dataOf(api.projects[':id'].responses.$post({ param: byId(id), json: body }, write())),
  /** 认捐: the owning center accepts a pledge (a proposed match from its resource) or declines it with a reason. */
  acceptPledge: (projectId: string, pledgeId: string) =>
    dataOf(
      api.projects[':id'].responses[':responseId'].accept.$post(
        { param: { id: encodeURIComponent(projectId), responseId: encodeURIComponent(pledgeId) } },
        write(),
      ),
    ),
  declinePledge: (projectId: string, pledgeId: string, reason: string) =>
    dataOf(
      api.projects[':id'].responses[':responseId'].decline.$post(
        { param: { id: encodeURIComponent(projectId), responseId: encodeURIComponent(pledgeId) }, json: { reason } },
        write(),
      ),
    ),
  /** 绩效评价: one center's KPIs for a month (the caller's own center without unitId). */
  getKpis: (query: QueryOf<typeof api.kpis.$get>) => dataOf(api.kpis.$get({ query })),
  /** The center and the centers below it, side by side for a month (the center first). */
  compareKpis: (query: QueryOf<typeof api.kpis.compare.$get>) => dataOf(api.kpis.compare.$get({ query })),
  getKpiTrend: (query: QueryOf<typeof api.kpis.trend.$get>) => dataOf(api.kpis.trend.$get({ query })),
  /** The trend as the API's CSV, fetched with the session cookie. */
  exportKpis: (query: QueryOf<typeof api.kpis.export.$get>) =>
    download(
      api.kpis.export.$get({ query }, { headers: { Accept: 'text/csv' } }),
      () => `kpis-${query.from}-${query.to}.csv`,
    ),
  /** 过程信息公开: publishes a month that has ended now, as the monthly schedule would. */
  publishDisclosure: (period: string) =>
    dataOf(api.disclosures[':period'].publish.$post({ param: { period: encodeURIComponent(period) } }, write())),
  /** 满意度回访: with answers, taken by the caseworker; without, a one-time link for the recipient's phone. */
  createSurvey: (caseId: string, answers?: JsonOf<(typeof api.cases)[':id']['surveys']['$post']>['answers']) =>
    dataOf(api.cases[':id'].surveys.$post({ param: byId(caseId), json: answers ? { answers } : {} }, write())),
  addSelfReport: (resourceId: string, body: JsonOf<(typeof api.resources)[':id']['self-reports']['$post']>) =>
    dataOf(api.resources[':id']['self-reports'].$post({ param: byId(resourceId), json: body }, write())),
  addSupervisionScore: (body: JsonOf<(typeof api)['supervision-scores']['$post']>) =>
    dataOf(api['supervision-scores'].$post({ json: body }, write())),
  getResourceEvaluations: (resourceId: string) =>
    dataOf(api.resources[':id'].evaluations.$get({ param: byId(resourceId) })),
  /** 联席会议: the resolution on one case of the meeting's agenda (its actions become tasks). */
  resolveMeetingCase: (meetingId: string, body: JsonOf<(typeof api.meetings)[':id']['resolutions']['$post']>) =>
    dataOf(api.meetings[':id'].resolutions.$post({ param: byId(meetingId), json: body }, write())),
  markMeetingHeld: (meetingId: string, minutes: string) =>
    dataOf(api.meetings[':id'].held.$post({ param: byId(meetingId), json: { minutes } }, write())),
  /** 网上申请: the applicant's full phone, to call and verify; the API audits who asked and why. */
  revealApplicantPhone: (id: string, reason: string) =>
    dataOf(api.applications[':id'].phone.$get({ param: byId(id), query: { reason } })),
  /** 受理立案: opens the application's case; `key` is the form's Idempotency-Key, so a retried save opens one case. */
  acceptApplication: (id: string, body: JsonOf<(typeof api.applications)[':id']['accept']['$post']>, key: string) =>
    dataOf(api.applications[':id'].accept.$post({ param: byId(id), json: body }, write(key))),
  /** 不予受理: with the reason the applicant reads by their reference number. */
  declineApplication: (id: string, reason: string) =>
    dataOf(api.applications[':id'].decline.$post({ param: byId(id), json: { reason } }, write())),
  /** 通知渠道 (issue 18, admins): every channel, secrets shown only as 已设置 / ***. */
  getNotifyChannels: () => dataOf(api.notify.channels.$get()),
  /** A secret left out of `body.config` keeps the stored one. */
  saveNotifyChannel: (id: string | null, body: JsonOf<typeof api.notify.channels.$post>) =>
    id
      ? dataOf(api.notify.channels[':id'].$put({ param: byId(id), json: body }, write()))
      : dataOf(api.notify.channels.$post({ json: body }, write())),
  /** Sends a test through the channel now; a refusal is `{ ok: false, error }`, not an error. */
  testNotifyChannel: (id: string, body: JsonOf<(typeof api.notify.channels)[':id']['test']['$post']>) =>
    dataOf(api.notify.channels[':id'].test.$post({ param: byId(id), json: body }, write())),
  /** 通知偏好: mine (`userId` null) or, for admins, a user's. */
  getNotifyPreference: (userId: string | null) =>
    userId
      ? dataOf(api.notify.preferences[':userId'].$get({ param: { userId: encodeURIComponent(userId) } }))
      : dataOf(api.notify.preferences.me.$get()),
  saveNotifyPreference: (userId: string | null, body: JsonOf<typeof api.notify.preferences.me.$put>) =>
    userId
      ? dataOf(
          api.notify.preferences[':userId'].$put(
            { param: { userId: encodeURIComponent(userId) }, json: body },
            write(),
          ),
        )
      : dataOf(api.notify.preferences.me.$put({ json: body }, write())),
};

/** react-admin's data provider with the API's own actions (their types inferred from the API's routes). */
export type GuanaiDataProvider = DataProvider & typeof customMethods;

export const dataProvider: GuanaiDataProvider = {
  ...simpleRestProvider(API_URL, httpClient),
  ...customMethods,
};

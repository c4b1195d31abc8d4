import type { UserRole as Role } from '@guanai/workflows/vocabulary';

/**
 * The access policy of every API route, in one place: who may call it. Case events are further
 * checked by the case machine (rules.ts: which role may send which event, in which state, over
 * which unit), and every case and task route answers 404 outside the caller's jurisdiction.
 * A route without an entry here is refused, and the authorization matrix test fails.
 */
export type Access = 'PUBLIC' | 'SIGNED_IN' | readonly Role[];

const WORKERS = ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'] as const satisfies readonly Role[];
const MATCHERS = ['CASEWORKER', 'SUPERVISOR'] as const satisfies readonly Role[];
const DONATION_READERS = ['DISCOVERER', ...WORKERS, 'MANAGER', 'PARTNER', 'ADMIN'] as const satisfies readonly Role[];

export const ROUTE_POLICY: Record<string, Access> = {
  // The contract: the OpenAPI document and its reference page.
  'GET /api/openapi.json': 'PUBLIC',
  'GET /api/docs': 'PUBLIC',
  'GET /api/docs/:file': 'PUBLIC',

  'POST /api/auth/login': 'PUBLIC',
  'POST /api/auth/logout': 'PUBLIC',
  'GET /api/auth/me': 'SIGNED_IN',
  'POST /api/auth/password': 'SIGNED_IN',

  // Each role's home page (首页), and the managers' map of the districts (issue 15).
  'GET /api/home': 'SIGNED_IN',
  'POST /api/home/seen': 'SIGNED_IN',
  'GET /api/home/map': ['MANAGER', 'ADMIN'],

  'GET /api/cases': 'SIGNED_IN',
  'GET /api/cases/:id': 'SIGNED_IN',
  // Exports (issue 17): who may list may export, the list's filter inside their jurisdiction, masked and audited.
  'GET /api/cases/export': 'SIGNED_IN',
  // §四(一) every door: a station's self-application, a discoverer's outreach report, or a referral
  // (a member department, the 12345 hotline) by township, district or city staff.
  'POST /api/cases': ['STATION_WORKER', 'DISCOVERER', 'CASEWORKER', 'SUPERVISOR', 'MANAGER'],
  'GET /api/cases/:id/id-number': WORKERS,
  'POST /api/cases/:id/actions': WORKERS,
  'POST /api/cases/:id/notes': ['DISCOVERER', ...WORKERS],
  'POST /api/cases/:id/attachments': ['DISCOVERER', ...WORKERS],

  'GET /api/tasks': 'SIGNED_IN',
  'GET /api/tasks/:id': 'SIGNED_IN',
  // The inbox as a working tool (issue 15): tab counts, the filtered list as CSV, my saved views.
  'GET /api/tasks/counts': 'SIGNED_IN',
  'GET /api/tasks/export': 'SIGNED_IN',
  'GET /api/saved-views': 'SIGNED_IN',
  'POST /api/saved-views': 'SIGNED_IN',
  'DELETE /api/saved-views/:id': 'SIGNED_IN',
  'POST /api/tasks/:id/claim': WORKERS,
  'POST /api/tasks/:id/release': WORKERS,
  'POST /api/tasks/:id/complete': WORKERS,
  // Handover (issue 15): a supervisor hands tasks of their subtree on, with a reason.
  'POST /api/tasks/:id/reassign': ['SUPERVISOR'],
  'POST /api/tasks/handover': ['SUPERVISOR'],

  'GET /api/attachments/:id/content': 'SIGNED_IN',
  'GET /api/notifications': 'SIGNED_IN',
  'POST /api/notifications/:id/read': 'SIGNED_IN',
  // Issue 18: channels are the admins' (secrets write-only); each user sets their own preferences.
  'GET /api/notify/channels': ['ADMIN'],
  'POST /api/notify/channels': ['ADMIN'],
  'PUT /api/notify/channels/:id': ['ADMIN'],
  'POST /api/notify/channels/:id/test': ['ADMIN'],
  'GET /api/notify/preferences/me': 'SIGNED_IN',
  'PUT /api/notify/preferences/me': 'SIGNED_IN',
  'GET /api/notify/preferences/:userId': ['ADMIN'],
  'PUT /api/notify/preferences/:userId': ['ADMIN'],
  'GET /api/notify/deliveries': 'SIGNED_IN',

  'GET /api/sla/policies': 'SIGNED_IN',
  'PUT /api/sla/policies/:kind': ['ADMIN'],
  'GET /api/sla/calendar': 'SIGNED_IN',
  'POST /api/sla/calendar': ['ADMIN'],
  'PUT /api/sla/calendar': ['ADMIN'],
  'DELETE /api/sla/calendar/:date': ['ADMIN'],
  'GET /api/sla/overview': ['SUPERVISOR', 'MANAGER', 'ADMIN'],

  'GET /api/org-units': 'SIGNED_IN',
  'GET /api/org-units/:id': 'SIGNED_IN',
  'POST /api/org-units': ['ADMIN'],
  'PUT /api/org-units/:id': ['ADMIN'],
  'POST /api/org-units/import': ['ADMIN'],

  'GET /api/users': ['ADMIN'],
  'GET /api/users/:id': ['ADMIN'],
  'POST /api/users': ['ADMIN'],
  'PUT /api/users/:id': ['ADMIN'],
  'POST /api/users/:id/reset-password': ['ADMIN'],

  // The registry: workers keep it; managers read it; admins and partners do not see it.
  'GET /api/people': [...WORKERS, 'MANAGER'],
  'GET /api/people/export': [...WORKERS, 'MANAGER'],
  'GET /api/people/:id': [...WORKERS, 'MANAGER'],
  'POST /api/people': WORKERS,
  'PUT /api/people/:id': WORKERS,
  'GET /api/people/:id/id-number': WORKERS,
  'POST /api/people/duplicates': ['DISCOVERER', ...WORKERS],
  'POST /api/people/:id/merge': ['SUPERVISOR'],
  'PUT /api/households/:id': WORKERS,
  'POST /api/people/imports': WORKERS,
  'GET /api/people/imports/:id': WORKERS,

  // The catalogue (援助项目库): everyone reads it; admins and managers keep it.
  'GET /api/resources': 'SIGNED_IN',
  'GET /api/resources/:id': 'SIGNED_IN',
  'POST /api/resources': ['ADMIN', 'MANAGER'],
  'PUT /api/resources/:id': ['ADMIN', 'MANAGER'],
  'POST /api/resources/:id/status': ['ADMIN', 'MANAGER'],
  // Donors' names are for the network's own staff and partners; a volunteer's login has no need of them.
  'GET /api/resources/:id/donations': DONATION_READERS,
  'POST /api/resources/:id/donations': ['ADMIN', 'MANAGER', 'PARTNER'],
  // §四(三) 募捐: a donation's receipt, and its refunds and reversals (new ledger entries), by who records donations.
  'GET /api/donations/:id': DONATION_READERS,
  'POST /api/donations/:id/refunds': ['ADMIN', 'MANAGER', 'PARTNER'],
  'POST /api/donations/:id/reversals': ['ADMIN', 'MANAGER', 'PARTNER'],
  'GET /api/partners': 'SIGNED_IN',
  'GET /api/partners/:id': 'SIGNED_IN',
  'POST /api/partners': ['ADMIN'],
  'PUT /api/partners/:id': ['ADMIN'],

  // Matching (供需对接): the owning center proposes, the partner decides, both record delivery.
  'GET /api/cases/:id/matching': MATCHERS,
  'POST /api/cases/:id/matches': MATCHERS,
  'GET /api/matches': [...WORKERS, 'MANAGER', 'PARTNER'],
  'GET /api/matches/:id': [...WORKERS, 'MANAGER', 'PARTNER'],
  // A partner exports its own resources' matches and ledger, as its list shows them (never an identity number).
  'GET /api/matches/export': [...WORKERS, 'MANAGER', 'PARTNER'],
  'GET /api/deliveries/export': [...WORKERS, 'MANAGER', 'PARTNER'],
  // Print (issue 17 §4): the ledger to print, as its export; a case's paperwork for those who work on or oversee cases.
  'GET /api/deliveries': [...WORKERS, 'MANAGER', 'PARTNER'],
  'GET /api/cases/:id/paperwork': [...WORKERS, 'MANAGER'],
  'POST /api/matches/:id/accept': ['PARTNER'],
  'POST /api/matches/:id/decline': ['PARTNER'],
  'POST /api/matches/:id/cancel': MATCHERS,
  'POST /api/matches/:id/evidence': [...WORKERS, 'PARTNER'],
  'POST /api/matches/:id/deliveries': [...WORKERS, 'PARTNER'],

  // The project publishing platform (援助项目发布平台), and its public face.
  'GET /api/projects': [...WORKERS, 'MANAGER', 'PARTNER'],
  'GET /api/projects/:id': [...WORKERS, 'MANAGER', 'PARTNER'],
  'POST /api/projects': MATCHERS,
  'POST /api/projects/:id/close': MATCHERS,
  'POST /api/projects/:id/responses': ['PARTNER'],
  // 认捐: the owning center answers a partner's pledge (accepting it proposes a match, as matching does).
  'POST /api/projects/:id/responses/:responseId/accept': MATCHERS,
  'POST /api/projects/:id/responses/:responseId/decline': MATCHERS,
  'GET /api/public/projects': 'PUBLIC',
  'GET /api/public/offers': 'PUBLIC',
  'GET /api/public/campaigns': 'PUBLIC',

  // Public disclosure (过程信息公开): published months for anyone; publishing now for managers.
  'GET /api/public/disclosures': 'PUBLIC',
  'GET /api/public/disclosures/:period': 'PUBLIC',
  'GET /api/public/disclosures/:period/csv': 'PUBLIC',
  'POST /api/disclosures/:period/publish': ['MANAGER', 'ADMIN'],

  // Performance evaluation (绩效综合评价): three raters and the KPIs.
  'GET /api/kpis': ['SUPERVISOR', 'MANAGER'],
  'GET /api/kpis/compare': ['SUPERVISOR', 'MANAGER'],
  'GET /api/kpis/trend': ['SUPERVISOR', 'MANAGER'],
  'GET /api/kpis/export': ['SUPERVISOR', 'MANAGER'],
  'POST /api/cases/:id/surveys': MATCHERS,
  'GET /api/public/surveys/:token': 'PUBLIC',
  'POST /api/public/surveys/:token': 'PUBLIC',
  'POST /api/resources/:id/self-reports': ['PARTNER'],
  'GET /api/resources/:id/evaluations': ['SUPERVISOR', 'MANAGER', 'ADMIN'],
  'POST /api/supervision-scores': ['MANAGER'],

  // Joint meetings (联席会议).
  'GET /api/departments': 'SIGNED_IN',
  // Versioned form definitions (issue 17): anyone signed in reads them (a case shows each answer with its
  // version); admins draft, publish and retire them, city-wide or per district.
  'GET /api/forms': 'SIGNED_IN',
  'GET /api/forms/current': 'SIGNED_IN',
  'GET /api/forms/:id': 'SIGNED_IN',
  'POST /api/forms': ['ADMIN'],
  'PUT /api/forms/:id': ['ADMIN'],
  'POST /api/forms/:id/publish': ['ADMIN'],
  'POST /api/forms/:id/retire': ['ADMIN'],
  'DELETE /api/forms/:id': ['ADMIN'],
  // The demo data (演示数据): its state and the loader's progress, for the admin's banner.
  'GET /api/demo/status': 'SIGNED_IN',
  'GET /api/meetings': ['SUPERVISOR', 'MANAGER'],
  'GET /api/meetings/:id': ['SUPERVISOR', 'MANAGER'],
  'POST /api/meetings': ['SUPERVISOR', 'MANAGER'],
  'POST /api/meetings/:id/resolutions': ['SUPERVISOR'],
  'POST /api/meetings/:id/held': ['SUPERVISOR', 'MANAGER'],

  // Absences (休假) and delegates (代理人), issue 15: the user's own, or a supervisor's for the team.
  'GET /api/absences': 'SIGNED_IN',
  'GET /api/absences/current': 'SIGNED_IN',
  'POST /api/absences': WORKERS,
  'DELETE /api/absences/:id': WORKERS,
  'GET /api/colleagues': WORKERS,

  // Online self-application (网上申请, §四(一) 个人申请, issue 16): anyone applies and reads the outcome by
  // the reference number; the workers of the community's subtree see the queue; its station decides.
  'GET /api/public/communities': 'PUBLIC',
  'GET /api/public/applications/challenge': 'PUBLIC',
  'POST /api/public/applications': 'PUBLIC',
  'GET /api/public/applications/:reference': 'PUBLIC',
  'GET /api/applications': WORKERS,
  'GET /api/applications/:id': WORKERS,
  'GET /api/applications/:id/phone': WORKERS,
  'GET /api/applications/:id/documents/:documentId': WORKERS,
  'POST /api/applications/:id/accept': ['STATION_WORKER'],
  'POST /api/applications/:id/decline': ['STATION_WORKER'],

  // Eligibility as data (救助标准, issue 17, §二 无缝衔接): everyone reads the standards, admins enter them;
  // the suggestions for a case's household and its referrals, for those who work or oversee cases.
  'GET /api/eligibility/standards': 'SIGNED_IN',
  'GET /api/eligibility/standards/:id': 'SIGNED_IN',
  'POST /api/eligibility/standards': ['ADMIN'],
  'PUT /api/eligibility/standards/:id': ['ADMIN'],
  'DELETE /api/eligibility/standards/:id': ['ADMIN'],
  'GET /api/cases/:id/eligibility': [...WORKERS, 'MANAGER'],

  // Volunteers (志愿者, §四(三) 志愿服务, issue 19): stations, centers and teams register them (a team its own;
  // the public page registers one PENDING for the team to decide); the case's center or the team sends them on
  // visits; they check in and out themselves; their hours ledger is theirs, their team's and their centers'.
  'GET /api/volunteers': [...WORKERS, 'MANAGER', 'ADMIN', 'PARTNER'],
  'GET /api/volunteers/me': ['VOLUNTEER'],
  'GET /api/volunteers/:id': [...WORKERS, 'MANAGER', 'ADMIN', 'PARTNER', 'VOLUNTEER'],
  'POST /api/volunteers': [...WORKERS, 'PARTNER'],
  'POST /api/volunteers/:id/approve': ['STATION_WORKER', 'PARTNER'],
  'POST /api/volunteers/:id/decline': ['STATION_WORKER', 'PARTNER'],
  'GET /api/volunteers/:id/hours': [...WORKERS, 'MANAGER', 'ADMIN', 'PARTNER', 'VOLUNTEER'],
  'POST /api/volunteers/:id/hours/corrections': [...WORKERS, 'PARTNER'],
  'GET /api/volunteers/:id/certificate': [...WORKERS, 'MANAGER', 'ADMIN', 'PARTNER', 'VOLUNTEER'],
  'GET /api/volunteer-assignments': [...WORKERS, 'MANAGER', 'ADMIN', 'PARTNER', 'VOLUNTEER'],
  'GET /api/volunteer-assignments/:id': [...WORKERS, 'MANAGER', 'ADMIN', 'PARTNER', 'VOLUNTEER'],
  'POST /api/volunteer-assignments': [...MATCHERS, 'PARTNER'],
  'POST /api/volunteer-assignments/:id/check-in': ['VOLUNTEER'],
  'POST /api/volunteer-assignments/:id/check-out': ['VOLUNTEER'],
  'POST /api/volunteer-assignments/:id/cancel': [...MATCHERS, 'PARTNER'],
  'GET /api/public/volunteer-teams': 'PUBLIC',
  'POST /api/public/volunteers': 'PUBLIC',
};

export const policyKey = (method: string, path: string) => `${method} ${path}`;

/** The routes a role may call (beyond the public ones), for the admin to hide what it cannot do. */
export const allowedRoutes = (role: Role): string[] =>
  Object.entries(ROUTE_POLICY)
    .filter(([, access]) => access !== 'PUBLIC' && (access === 'SIGNED_IN' || access.includes(role)))
    .map(([key]) => key);

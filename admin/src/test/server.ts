import { ROUTE_POLICY } from '@guanai/api/policy';
import type { TCaseEligibility, TDepartment, TMe, TOrgUnit, TPartner, TPersonDetail, TTask } from '@guanai/api/types';
import type { UserRole } from '@guanai/workflows/vocabulary';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The API's own access policy (@guanai/api/policy), so `me.can` in these tests is what the API says. */
const POLICY = ROUTE_POLICY;

export const canOf = (role: UserRole) =>
  Object.entries(POLICY)
    .filter(([, who]) => who !== 'PUBLIC' && (who === 'SIGNED_IN' || who.includes(role)))
    .map(([key]) => key);

export const me: TMe = {
  id: 'u-cw',
  username: 'caseworker',
  displayName: '社工 张伟',
  role: 'CASEWORKER',
  orgUnit: { id: 't1', code: '510104021000', name: '锦官驿街道', level: 'TOWNSHIP' },
  partnerId: null,
  can: canOf('CASEWORKER'),
};

const UNITS: Record<UserRole, typeof me.orgUnit> = {
  DISCOVERER: { id: 'c1', code: '510104021001', name: '水井坊社区', level: 'COMMUNITY' },
  STATION_WORKER: { id: 'c1', code: '510104021001', name: '水井坊社区', level: 'COMMUNITY' },
  CASEWORKER: me.orgUnit,
  SUPERVISOR: me.orgUnit,
  MANAGER: { id: 'd1', code: '510104000000', name: '锦江区', level: 'DISTRICT' },
  PARTNER: { id: 'city', code: '510100000000', name: '成都市', level: 'CITY' },
  VOLUNTEER: { id: 'c1', code: '510104021001', name: '水井坊社区', level: 'COMMUNITY' },
  ADMIN: { id: 'city', code: '510100000000', name: '成都市', level: 'CITY' },
};

/** The signed-in user in another role, at a unit of that role's level, with that role's `can`. */
export const userAs = (role: UserRole, overrides: Partial<typeof me> = {}) => ({
  ...me,
  id: `u-${role.toLowerCase()}`,
  username: role.toLowerCase(),
  role,
  orgUnit: UNITS[role],
  can: canOf(role),
  ...overrides,
});

/** Sign in as someone else for this test. */
export const signInAs = (user: typeof me) => server.use(http.get('*/api/auth/me', () => HttpResponse.json(user)));

/** A list answer with the Content-Range simple-rest reads the total from. */
export const listOf = <T>(resource: string, rows: T[]) =>
  HttpResponse.json(rows, {
    headers: { 'Content-Range': `${resource} 0-${Math.max(rows.length - 1, 0)}/${rows.length}` },
  });

export const screenTask: TTask = {
  id: 'case-1:2',
  caseId: 'case-1',
  caseNo: 'GA-2026-000001',
  kind: 'SCREEN',
  title: null,
  status: 'OPEN',
  unitId: 't1',
  unitName: '锦官驿街道',
  assigneeId: null,
  assigneeName: null,
  dueAt: new Date(Date.now() - 3_600_000).toISOString(),
  breachedAt: null,
  createdAt: new Date(Date.now() - 4 * 24 * 3_600_000).toISOString(),
  completedAt: null,
  caseState: 'screening',
  personName: '张三明',
  emergency: false,
  flags: [],
};

export const orgUnits: TOrgUnit[] = [
  {
    id: 'city',
    code: '510100000000',
    name: '成都市',
    level: 'CITY',
    parentId: null,
    parentName: null,
    path: '510100000000',
    children: 1,
    users: 2,
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: 't1',
    code: '510104021000',
    name: '锦官驿街道',
    level: 'TOWNSHIP',
    parentId: 'd1',
    parentName: '锦江区',
    path: '510100000000.510104000000.510104021000',
    children: 1,
    users: 3,
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: 'c1',
    code: '510104021001',
    name: '水井坊社区',
    level: 'COMMUNITY',
    parentId: 't1',
    parentName: '锦官驿街道',
    path: '510100000000.510104000000.510104021000.510104021001',
    children: 0,
    users: 1,
    createdAt: '2026-01-01T00:00:00Z',
  },
];

export const person: TPersonDetail = {
  id: '0b6a3c55-1f0e-4a57-9d77-3d2b4f1e7a01',
  name: '李秀英',
  sex: 'F',
  birthDate: '1950-01-01',
  phone: '13800000000',
  address: '水井坊街12号',
  hukou: 'CHENGDU',
  idType: 'RESIDENT_ID',
  idNumberMasked: '5101**********0021',
  communityId: 'c1',
  communityName: '水井坊社区',
  householdId: 'h1',
  relation: 'HEAD',
  tags: ['ELDERLY_ALONE', 'DIBAO'],
  mergedIntoId: null,
  openCases: 1,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  household: { id: 'h1', address: '水井坊街12号', monthlyIncome: null, members: [] },
  cases: [],
};

export const partners: TPartner[] = [
  {
    id: 'p-charity',
    name: '成都市慈善总会',
    kind: 'CHARITY',
    creditCode: '51510100MJ0000001A',
    contact: '项目部',
    phone: null,
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    id: 'p-sw',
    name: '锦江区益民社会工作服务中心',
    kind: 'SOCIAL_WORK_AGENCY',
    creditCode: '52510104MJ0000003C',
    contact: '个案部',
    phone: null,
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
  },
];

/** The joint meetings' member departments (GET /api/departments: id and code are the code). */
export const departments: TDepartment[] = [
  { id: 'CIVIL_AFFAIRS', code: 'CIVIL_AFFAIRS', name: '民政局' },
  { id: 'HOUSING', code: 'HOUSING', name: '住房和城乡建设局' },
  { id: 'HEALTH', code: 'HEALTH', name: '卫生健康委员会' },
  { id: 'EDUCATION', code: 'EDUCATION', name: '教育局' },
];

/** GET /api/cases/:id/eligibility with no standard in force and nothing screened yet. */
export const noEligibility = (caseId: string): TCaseEligibility => ({
  caseId,
  date: '2026-11-30',
  districtId: 'd1',
  districtName: '锦江区',
  household: {
    householdId: 'h1',
    personId: person.id,
    members: 1,
    monthlyIncome: null,
    assets: null,
    hasSupporter: null,
  },
  suggestions: [],
  screening: null,
  referrals: [],
});

/** The API as the admin sees it; tests override single routes with server.use(). */
export const handlers = [
  http.get('*/api/auth/me', () => HttpResponse.json(me)),
  http.get('*/api/tasks', () => HttpResponse.json([screenTask], { headers: { 'Content-Range': 'tasks 0-0/1' } })),
  http.get('*/api/tasks/counts', () =>
    HttpResponse.json({ mine: 1, unassigned: 1, unit: 1, dueToday: 0, overdue: 1, emergency: 0 }),
  ),
  http.get('*/api/saved-views', () => listOf('saved-views', [])),
  http.get('*/api/tasks/:id', () => HttpResponse.json(screenTask)),
  http.get('*/api/org-units', () => listOf('org-units', orgUnits)),
  http.get('*/api/org-units/:id', ({ params }) =>
    HttpResponse.json(orgUnits.find((u) => u.id === params.id) ?? orgUnits[0]),
  ),
  http.get('*/api/people', () => listOf('people', [person])),
  http.get('*/api/people/:id', ({ params }) => HttpResponse.json({ ...person, id: String(params.id) })),
  http.post('*/api/people/duplicates', () => HttpResponse.json({ duplicates: [] })),
  http.get('*/api/partners', () => listOf('partners', partners)),
  http.get('*/api/departments', () => listOf('departments', departments)),
  // The layout's demo marker asks on every page: no demo data unless a test says so.
  http.get('*/api/demo/status', () => HttpResponse.json({ state: 'absent', loaded: 0, total: 0 })),
  // Issue 17: the screening form and the case page ask for the eligibility suggestions: none unless a test says so.
  http.get('*/api/cases/:id/eligibility', ({ params }) => HttpResponse.json(noEligibility(String(params.id)))),
  // Issue 17: task forms ask for their defined form, a case page for the versions its answers name: none unless a test says so.
  http.get('*/api/forms/current', () =>
    HttpResponse.json(
      { type: 'urn:guanai:problem:not_found', title: 'Not found', status: 404, detail: 'no published form' },
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
    ),
  ),
];

export const server = setupServer(...handlers);

export const problem = (status: number, type: string, detail: string) =>
  HttpResponse.json(
    { type: `urn:guanai:problem:${type}`, title: 'Conflict', status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@guanai/db/seed';
import { ROUTE_POLICY } from '../auth/policy.ts';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * The authorization matrix, generated from the access policy: every API route × every role, and
 * the case and task routes × own / child / sibling / parent unit. A route missing from the policy
 * (or a policy entry without a route) fails the first test.
 */
const ROLES = {
  DISCOVERER: 'discoverer',
  STATION_WORKER: 'station',
  CASEWORKER: 'caseworker',
  SUPERVISOR: 'supervisor',
  MANAGER: 'manager',
  PARTNER: 'partner',
  ADMIN: 'admin',
  VOLUNTEER: 'matrix.volunteer',
} as const;

let h: Harness;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  for (const username of [...Object.values(ROLES), 'caseworker2', 'district.supervisor'])
    if (username !== ROLES.VOLUNTEER) as[username] = await signIn(h.app, username);
  // A volunteer (issue 19), registered by the station with a login of their own.
  const registered = await as.station!.request('POST', '/api/volunteers', {
    name: '矩阵志愿者',
    phone: '13900009999',
    username: ROLES.VOLUNTEER,
    password: DEMO_PASSWORD, // as every other user here, so that signIn's default signs them in
    communityIds: [(await h.db.user.findUniqueOrThrow({ where: { username: 'station' } })).orgUnitId],
  });
  if (registered.status !== 201) throw new Error(`register volunteer: ${registered.status} ${await registered.text()}`);
  ids.volunteer = (await json(registered)).id;
  as[ROLES.VOLUNTEER] = await signIn(h.app, ROLES.VOLUNTEER);
  const created = await json(
    await as.station!.request('POST', '/api/cases', {
      person: { name: '矩阵测试', idNumber: '510104195001010010', hukou: 'CHENGDU' },
      situation: '困难',
    }),
  );
  ids.case = created.id;
  ids.task = (await h.db.task.findFirstOrThrow({ where: { caseId: created.id, kind: 'SCREEN' } })).id;
  const upload = await h.app.request(`/api/cases/${created.id}/attachments`, {
    method: 'POST',
    headers: { Cookie: as.station!.cookie, 'Content-Type': 'image/png', 'X-Filename': 'a.png' },
    body: 'png',
  });
  ids.attachment = (await json(upload)).id;
  const person = await h.db.case.findUniqueOrThrow({
    where: { id: created.id },
    select: { person: { select: { id: true, communityId: true } } },
  });
  ids.person = person.person.id;
  ids.unit = person.person.communityId;
  ids.household = (await h.db.person.findUniqueOrThrow({ where: { id: ids.person } })).householdId!;
  // Users the admin routes act on: a throwaway, so that no one's session here is revoked.
  const station = await h.db.user.findUniqueOrThrow({ where: { username: 'station' } });
  ids.user = (
    await h.db.user.create({
      data: {
        username: 'matrix.target',
        displayName: 'matrix',
        role: 'DISCOVERER',
        orgUnitId: station.orgUnitId,
        passwordHash: station.passwordHash,
      },
    })
  ).id;
  const resource = await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } });
  ids.resource = resource.id;
  ids.partner = resource.providerId;
  ids.match = (
    await h.db.match.create({
      data: {
        id: crypto.randomUUID(),
        caseId: created.id,
        needIndex: 0,
        category: 'MEDICAL',
        resourceId: resource.id,
        status: 'PROPOSED',
        proposedById: station.id,
      },
    })
  ).id;
  ids.project = (
    await h.db.project.create({
      data: {
        caseId: created.id,
        needIndex: 0,
        category: 'MEDICAL',
        townshipId: (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017000' } })).id,
        title: 'matrix',
        description: 'matrix',
        publishedById: station.id,
      },
    })
  ).id;
  ids.assignment = (
    await h.db.volunteerAssignment.create({
      data: {
        id: crypto.randomUUID(),
        volunteerId: ids.volunteer!,
        caseId: created.id,
        kind: 'VISIT',
        scheduledOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
        assignedById: (await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } })).id,
      },
    })
  ).id;
  ids.meeting = (
    await h.db.jointMeeting.create({
      data: {
        unitId: (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510100000000' } })).id,
        title: 'matrix',
        scheduledAt: new Date('2099-01-01T02:00:00Z'),
        departments: ['CIVIL_AFFAIRS'],
        createdById: station.id,
      },
    })
  ).id;
  ids.import = (
    await h.db.personImport.create({
      data: {
        id: crypto.randomUUID(),
        filename: 'm.csv',
        dryRun: true,
        status: 'DONE',
        unitId: station.orgUnitId,
        createdById: station.id,
        total: 0,
        rows: [],
      },
    })
  ).id;
});
afterAll(async () => h?.stop());

const routes = () => [
  ...new Set(
    h.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`),
  ),
];

/** A concrete request for each route: its parameters filled in, and a body where it takes one. */
function requestFor(key: string): { method: string; path: string; body?: unknown; headers?: Record<string, string> } {
  const [method, pattern] = key.split(' ') as [string, string];
  const path = pattern
    .replace('/api/cases/:id', `/api/cases/${ids.case}`)
    .replace('/api/tasks/:id', `/api/tasks/${encodeURIComponent(ids.task!)}`)
    .replace('/api/attachments/:id', `/api/attachments/${ids.attachment}`)
    .replace('/api/notifications/:id', '/api/notifications/1')
    .replace('/api/people/imports/:id', `/api/people/imports/${ids.import}`)
    .replace('/api/people/:id', `/api/people/${ids.person}`)
    .replace('/api/households/:id', `/api/households/${ids.household}`)
    .replace('/api/users/:id', `/api/users/${ids.user}`)
    .replace('/api/org-units/:id', `/api/org-units/${ids.unit}`)
    .replace('/api/resources/:id', `/api/resources/${ids.resource}`)
    .replace('/api/partners/:id', `/api/partners/${ids.partner}`)
    .replace('/api/matches/:id', `/api/matches/${ids.match}`)
    .replace('/api/projects/:id', `/api/projects/${ids.project}`)
    .replace('/api/meetings/:id', `/api/meetings/${ids.meeting}`)
    .replace('/api/volunteers/:id', `/api/volunteers/${ids.volunteer}`)
    .replace('/api/volunteer-assignments/:id', `/api/volunteer-assignments/${ids.assignment}`)
    .replace('/api/saved-views/:id', '/api/saved-views/00000000-0000-4000-8000-000000000000')
    .replace('/api/absences/:id', '/api/absences/00000000-0000-4000-8000-000000000000')
    .replace(':period', '2026-10')
    .replace(':token', 'matrix-token-that-does-not-exist')
    .replace(':kind', 'SCREEN')
    .replace(':date', '2099-01-01');
  const bodies: Record<string, unknown> = {
    'POST /api/auth/login': { username: 'nobody', password: 'wrong' },
    'POST /api/cases': { person: { name: 'x', hukou: 'CHENGDU' }, situation: 'x' },
    'POST /api/cases/:id/actions': { type: 'FLAG', flag: 'OTHER', reason: 'matrix' },
    'POST /api/cases/:id/notes': { text: 'matrix' },
    'POST /api/tasks/:id/complete': { form: {} },
    'PUT /api/sla/policies/:kind': { normal: 3, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
    'POST /api/sla/calendar': { date: '2099-01-02', kind: 'HOLIDAY', name: 'matrix' },
    'PUT /api/sla/calendar': { date: '2099-01-02', kind: 'HOLIDAY', name: 'matrix' },
    'POST /api/auth/password': { currentPassword: 'wrong', newPassword: 'matrix-password-1' },
    'POST /api/org-units': { code: '510104017099', name: '矩阵社区', level: 'COMMUNITY', parentId: ids.unit },
    'PUT /api/org-units/:id': { name: '水井坊社区' },
    'POST /api/users': { username: 'x', displayName: 'x', role: 'DISCOVERER', orgUnitId: ids.unit },
    'PUT /api/users/:id': { displayName: 'matrix' },
    'POST /api/people': { name: '矩阵成员', hukou: 'CHENGDU', confirmNotDuplicate: true },
    'PUT /api/people/:id': { tags: ['DIBAO'] },
    'PUT /api/households/:id': { monthlyIncome: 1500 },
    'POST /api/people/duplicates': { name: '矩阵测试' },
    'POST /api/people/:id/merge': { intoId: '00000000-0000-4000-8000-000000000000', reason: 'matrix check' },
    'POST /api/resources': { kind: 'CHARITY_PROJECT' },
    'PUT /api/resources/:id': { description: 'matrix' },
    'POST /api/resources/:id/status': { status: 'PUBLISHED' },
    'POST /api/resources/:id/donations': { donorName: '爱心人士', amount: 1, receivedOn: '2026-11-01' },
    'POST /api/partners': { kind: 'CHARITY' },
    'PUT /api/partners/:id': { contact: 'matrix' },
    'POST /api/cases/:id/matches': { needIndex: 0, resourceId: ids.resource },
    'POST /api/matches/:id/decline': { reason: 'matrix' },
    'POST /api/matches/:id/cancel': { reason: 'matrix' },
    'POST /api/matches/:id/deliveries': { kind: 'GOODS', description: 'matrix', deliveredOn: '2026-11-01' },
    'POST /api/projects': {
      caseId: ids.case,
      needIndex: 0,
      title: 'matrix',
      description: 'matrix matrix matrix',
      amount: 1,
    },
    'POST /api/projects/:id/close': { status: 'WITHDRAWN' },
    'POST /api/projects/:id/responses': { message: 'matrix' },
    'POST /api/cases/:id/surveys': { answers: { satisfaction: 5, timeliness: 5, respect: 5 } },
    'POST /api/public/surveys/:token': { satisfaction: 5, timeliness: 5, respect: 5 },
    'POST /api/resources/:id/self-reports': { period: '2026-10', served: 1, narrative: 'matrix matrix', score: 80 },
    'POST /api/supervision-scores': { period: '2026-10', score: 80 },
    'POST /api/meetings': { title: 'matrix', scheduledAt: '2099-01-01T10:00:00+08:00', departments: ['CIVIL_AFFAIRS'] },
    'POST /api/meetings/:id/resolutions': {
      caseId: ids.case,
      resolution: 'matrix',
      next: 'matching',
      actions: [{ department: 'CIVIL_AFFAIRS', action: 'matrix', deadline: '2099-01-31' }],
    },
    'POST /api/meetings/:id/held': { minutes: 'matrix minutes' },
    'POST /api/tasks/:id/reassign': { assigneeId: '00000000-0000-4000-8000-000000000000', reason: 'matrix' },
    'POST /api/tasks/handover': { taskIds: [ids.task], assigneeId: null, reason: 'matrix' },
    'POST /api/absences': {
      delegateId: '00000000-0000-4000-8000-000000000000',
      startsAt: '2099-01-01T09:00:00+08:00',
      endsAt: '2099-01-02T18:00:00+08:00',
    },
    'POST /api/saved-views': { name: 'matrix', filter: { scope: 'unit', dueToday: true } },
    'POST /api/volunteers': {
      name: '矩阵',
      phone: '13900009998',
      username: 'matrix.volunteer2',
      password: 'matrix-password-1',
      communityIds: [ids.unit],
    },
    'POST /api/public/volunteers': {
      name: '矩阵',
      phone: '13900009997',
      username: 'matrix.self',
      password: 'matrix-password-1',
      communityIds: [ids.unit],
    },
    'POST /api/volunteers/:id/decline': { reason: 'matrix' },
    'POST /api/volunteers/:id/hours/corrections': { minutes: 5, reason: 'matrix' },
    'POST /api/volunteer-assignments': {
      volunteerId: ids.volunteer,
      caseId: ids.case,
      kind: 'VISIT',
      scheduledOn: new Date().toISOString().slice(0, 10),
    },
    'POST /api/volunteer-assignments/:id/check-in': {},
    'POST /api/volunteer-assignments/:id/check-out': {},
    'POST /api/volunteer-assignments/:id/cancel': { reason: 'matrix' },
  };
  if (key === 'POST /api/cases/:id/attachments' || key === 'POST /api/matches/:id/evidence')
    return { method, path, body: 'png', headers: { 'Content-Type': 'image/png', 'X-Filename': 'm.png' } };
  if (key === 'POST /api/org-units/import')
    return { method, path, body: 'code,name,level,parent_code\n', headers: { 'Content-Type': 'text/csv' } };
  if (key === 'POST /api/people/imports')
    return { method, path, body: '姓名,户籍\n矩阵导入,成都\n', headers: { 'Content-Type': 'text/csv' } };
  if (key === 'GET /api/cases/:id/id-number' || key === 'GET /api/people/:id/id-number')
    return { method, path: `${path}?reason=${encodeURIComponent('matrix check')}` };
  if (key === 'GET /api/volunteers/:id/certificate') return { method, path: `${path}?from=2026-01-01&to=2099-12-31` };
  return { method, path, ...(key in bodies ? { body: bodies[key] } : {}) };
}

async function call(session: Session | null, key: string) {
  const { method, path, body, headers } = requestFor(key);
  if (headers) {
    return h.app.request(path, {
      method,
      headers: { ...(session ? { Cookie: session.cookie } : {}), ...headers },
      body: body as string,
    });
  }
  return session
    ? session.request(method, path, body)
    : h.app.request(path, {
        method,
        ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
}

describe('authorization matrix', () => {
  it('every route has an access policy, and every policy entry is a route', () => {
    expect(routes().sort()).toEqual(Object.keys(ROUTE_POLICY).sort());
  });

  const keys = Object.keys(ROUTE_POLICY);
  const cells = keys.flatMap((key) => Object.entries(ROLES).map(([role, username]) => [key, role, username] as const));

  it.each(cells)('%s as %s', async (key, role, username) => {
    const access = ROUTE_POLICY[key]!;
    // Signing out revokes the session: use one of its own.
    const session = key === 'POST /api/auth/logout' ? await signIn(h.app, username) : as[username]!;
    const res = await call(session, key);
    const problem = res.headers.get('content-type')?.includes('problem+json') ? await json(res) : null;
    const deniedByPolicy = res.status === 403 && /may not call/.test(problem?.detail ?? '');
    const allowed = access === 'PUBLIC' || access === 'SIGNED_IN' || access.includes(role as never);
    expect(deniedByPolicy, `${key} as ${role}: ${res.status} ${problem?.detail ?? ''}`).toBe(!allowed);
    expect(res.status, `${key} as ${role}`).toBeLessThan(500);
  });

  it.each(keys.filter((key) => ROUTE_POLICY[key] !== 'PUBLIC'))('%s without a session is 401', async (key) => {
    expect((await call(null, key)).status).toBe(401);
  });

  // Jurisdiction of the case and task routes: the township that owns the case, the community it
  // started in (child), another township (sibling) and the district above (parent).
  const jurisdiction = [
    ['own unit (township caseworker)', 'caseworker', 200],
    ['child unit (the station it started in)', 'station', 200],
    ['parent unit (district supervisor)', 'district.supervisor', 200],
    ['sibling unit (another township)', 'caseworker2', 404],
  ] as const;
  const recordRoutes = [
    'GET /api/cases/:id',
    'GET /api/tasks/:id',
    'POST /api/tasks/:id/claim',
    'POST /api/cases/:id/notes',
    'GET /api/attachments/:id/content',
    'GET /api/people/:id',
    'PUT /api/people/:id',
    'PUT /api/households/:id',
    'GET /api/people/:id/id-number',
    'GET /api/people/imports/:id',
    'GET /api/cases/:id/matching',
    'GET /api/matches/:id',
    'GET /api/projects/:id',
  ];

  it.each(
    recordRoutes.flatMap((key) =>
      jurisdiction.map(([name, username, status]) => [key, name, username, status] as const),
    ),
  )('%s from the %s', async (key, _name, username, status) => {
    const res = await call(as[username]!, key);
    if (status === 404) expect(res.status).toBe(404);
    else expect(res.status, `${key} as ${username}`).not.toBe(404);
  });
});

/**
 * A manager placed at a district (锦江区) keeps the catalogue of its own subtree only: resources
 * covering its district or a township below it, not the city above it nor another district. Writes
 * on a resource it can read but does not keep are 403, a body naming one is 422 on that field, and
 * the evaluations of one are 404. The disclosure is city-wide: publishing it is for the city's managers.
 */
describe('a district manager’s catalogue work stays in its district', () => {
  const places = [
    ['own unit (锦江区)', '510104000000', true],
    ['child unit (锦官驿街道)', '510104017000', true],
    ['parent unit (成都市)', '510100000000', false],
    ['sibling unit (青羊区)', '510105000000', false],
  ] as const;
  const made: Record<string, { unitId: string; campaign: string; contract: string }> = {};
  let districtManager: Session;
  let providerId: string;

  beforeAll(async () => {
    districtManager = await signIn(h.app, 'district.manager');
    const admin = await h.db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    providerId = (await h.db.partner.findFirstOrThrow({ where: { name: '成都市慈善总会' } })).id;
    for (const [, code] of places) {
      const unitId = (await h.db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
      const base = {
        providerId,
        coverageUnitId: unitId,
        categories: ['CARE' as const],
        status: 'PUBLISHED' as const,
        createdById: admin.id,
      };
      const campaign = await h.db.resource.create({
        data: {
          ...base,
          kind: 'FUNDRAISING',
          name: `募捐 ${code}`,
          campaignType: 'PUBLIC',
          target: 10000,
          deadline: new Date('2099-12-31T00:00:00Z'),
        },
      });
      const contract = await h.db.resource.create({
        data: { ...base, kind: 'PURCHASED_SERVICE', name: `购买服务 ${code}`, contractNo: `M-${code}`, capacity: 10 },
      });
      made[code] = { unitId, campaign: campaign.id, contract: contract.id };
    }
  });

  const checks: [string, (code: string) => Promise<Response>, number, number][] = [
    [
      'POST /api/resources',
      (code) =>
        districtManager.request('POST', '/api/resources', {
          kind: 'CHARITY_PROJECT',
          name: `新项目 ${code}`,
          providerId,
          coverageUnitId: made[code]!.unitId,
          categories: ['CARE'],
        }),
      201,
      422,
    ],
    [
      'PUT /api/resources/:id',
      (code) => districtManager.request('PUT', `/api/resources/${made[code]!.contract}`, { description: 'matrix' }),
      200,
      403,
    ],
    [
      'POST /api/resources/:id/status',
      (code) => districtManager.request('POST', `/api/resources/${made[code]!.contract}/status`, { status: 'PAUSED' }),
      200,
      403,
    ],
    [
      'POST /api/resources/:id/donations',
      (code) =>
        districtManager.request('POST', `/api/resources/${made[code]!.campaign}/donations`, {
          donorName: '爱心人士',
          amount: 10,
          receivedOn: '2026-11-01',
        }),
      201,
      403,
    ],
    [
      'POST /api/supervision-scores',
      (code) =>
        districtManager.request('POST', '/api/supervision-scores', {
          period: '2026-10',
          resourceId: made[code]!.contract,
          score: 80,
        }),
      201,
      422,
    ],
    [
      'GET /api/resources/:id/evaluations',
      (code) => districtManager.request('GET', `/api/resources/${made[code]!.contract}/evaluations`),
      200,
      404,
    ],
  ];

  it.each(
    checks.flatMap(([key, send, ok, refused]) =>
      places.map(([name, code, mine]) => [key, name, code, mine ? ok : refused, send] as const),
    ),
  )('%s from the %s', async (key, _name, code, status, send) => {
    const res = await send(code);
    const problem = res.status >= 400 ? await json(res) : null;
    expect(res.status, `${key} at ${code}: ${problem?.detail ?? ''}`).toBe(status);
    if (status === 422)
      expect(problem.errors[0].field).toBe(key === 'POST /api/resources' ? 'coverageUnitId' : 'resourceId');
  });

  it('nothing was written outside the district', async () => {
    for (const [, code, mine] of places) {
      if (mine) continue;
      expect(await h.db.donation.count({ where: { resourceId: made[code]!.campaign } })).toBe(0);
      expect(await h.db.supervisionScore.count({ where: { resourceId: made[code]!.contract } })).toBe(0);
      expect(await h.db.resource.findUniqueOrThrow({ where: { id: made[code]!.contract } })).toMatchObject({
        status: 'PUBLISHED',
        description: null,
      });
    }
  });

  it('POST /api/disclosures/:period/publish: the city-wide disclosure is published by the city’s managers, not a district’s', async () => {
    const res = await districtManager.request('POST', '/api/disclosures/2026-10/publish');
    expect(res.status).toBe(403);
    expect((await json(res)).detail).toMatch(/city/);
  });
});

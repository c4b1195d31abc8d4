import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { json } from './harness.ts';

let h: Harness;
let station: Session;
let caseworker: Session;
let caseworker2: Session;
let taskId: string;
let caseId: string;

beforeAll(async () => {
  h = await startHarness();
  [station, caseworker, caseworker2] = await Promise.all([
    signIn(h.app, 'station'),
    signIn(h.app, 'caseworker'),
    signIn(h.app, 'caseworker2'),
  ]);
  const created = await station.request('POST', '/api/cases', {
    person: { name: '王五', hukou: 'CHENGDU' },
    situation: '失业，子女上学困难',
  });
  caseId = (await json(created)).id;
  taskId = (await h.db.task.findFirstOrThrow({ where: { caseId, status: 'OPEN' } })).id;
});
afterAll(async () => h?.stop());

/** Row counts of everything a request could write. */
const counts = async () => ({
  person: await h.db.person.count(),
  case: await h.db.case.count(),
  task: await h.db.task.count(),
  event: await h.db.caseEvent.count(),
  assigned: await h.db.task.count({ where: { assigneeId: { not: null } } }),
});

async function expectProblem(res: Response, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json(res);
  expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  return problem;
}

describe('bad input answers 4xx problem+json, names the field and changes nothing', () => {
  const registration = { person: { name: '赵六', hukou: 'CHENGDU' }, situation: '困难' };
  const cases: [string, () => Promise<Response>, number, string?][] = [
    ['POST /api/cases without a body', () => station.request('POST', '/api/cases', {}), 422, 'person'],
    [
      'POST /api/cases without a situation',
      () => station.request('POST', '/api/cases', { person: registration.person }),
      422,
      'situation',
    ],
    [
      'POST /api/cases with a wrong type',
      () => station.request('POST', '/api/cases', { ...registration, emergency: 'yes' }),
      422,
      'emergency',
    ],
    [
      'POST /api/cases with a bad identity number',
      () =>
        station.request('POST', '/api/cases', {
          ...registration,
          person: { ...registration.person, idNumber: '510104195001010011' },
        }),
      422,
      'person.idNumber',
    ],
    [
      'POST /api/cases with a bad phone',
      () => station.request('POST', '/api/cases', { ...registration, person: { ...registration.person, phone: '12' } }),
      422,
      'person.phone',
    ],
    [
      'POST /api/cases with a bad birth date',
      () =>
        station.request('POST', '/api/cases', {
          ...registration,
          person: { ...registration.person, birthDate: '1950-13-45' },
        }),
      422,
      'person.birthDate',
    ],
    [
      '§四(一) POST /api/cases: non-Chengdu hukou outside an emergency',
      () => station.request('POST', '/api/cases', { ...registration, person: { name: '钱七', hukou: 'OTHER' } }),
      422,
      'emergency',
    ],
    [
      'POST /api/cases trying to set the state (mass assignment)',
      () => station.request('POST', '/api/cases', { ...registration, state: 'closed', owningUnitId: 'x' }),
      422,
      '(body)',
    ],
    [
      'POST /api/cases with malformed JSON',
      () => station.request('POST', '/api/cases', '{"person":', { 'Content-Type': 'application/json' }),
      400,
    ],
    [
      'POST /api/cases with a body that is not JSON',
      () => station.request('POST', '/api/cases', 'person=赵六', { 'Content-Type': 'text/plain' }),
      415,
      'Content-Type',
    ],
    [
      '§四(一) POST /api/cases by a caseworker without a referral (only a station opens a case without one)',
      () => caseworker.request('POST', '/api/cases', registration),
      422,
      'referral',
    ],
    ['GET /api/cases with a bad range', () => caseworker.request('GET', '/api/cases?range=oops'), 422, 'range'],
    [
      'GET /api/cases with an unknown sort field',
      () => caseworker.request('GET', `/api/cases${q({ sort: ['passwordHash', 'ASC'] })}`),
      422,
      'sort.0',
    ],
    ['GET /api/cases/:id with a malformed id', () => caseworker.request('GET', '/api/cases/not-a-uuid'), 422, 'id'],
    [
      'GET /api/cases/:id of an unknown case',
      () => caseworker.request('GET', '/api/cases/00000000-0000-4000-8000-000000000000'),
      404,
    ],
    [
      'GET /api/tasks with an unknown scope',
      () => caseworker.request('GET', `/api/tasks${q({ filter: { scope: 'everyone' } })}`),
      422,
      'filter.scope',
    ],
    ['GET /api/tasks/:id of an unknown task', () => caseworker.request('GET', '/api/tasks/nope'), 404],
    ['POST /api/tasks/:id/claim of an unknown task', () => caseworker.request('POST', '/api/tasks/nope/claim'), 404],
    [
      'POST /api/tasks/:id/release of an unclaimed task',
      () => caseworker.request('POST', `/api/tasks/${taskId}/release`),
      409,
    ],
    [
      'POST /api/tasks/:id/claim by a station worker (wrong role)',
      () => station.request('POST', `/api/tasks/${taskId}/claim`),
      403,
    ],
    [
      'POST /api/tasks/:id/complete before claiming',
      () =>
        caseworker.request('POST', `/api/tasks/${taskId}/complete`, { form: { referrals: [], outcome: 'NO_NEED' } }),
      409,
    ],
    [
      'POST /api/tasks/:id/complete without a form',
      () => caseworker.request('POST', `/api/tasks/${taskId}/complete`, {}),
      422,
      'form',
    ],
    [
      'POST /api/tasks/:id/complete with a wrong form',
      () => caseworker.request('POST', `/api/tasks/${taskId}/complete`, { form: { outcome: 'MAYBE' } }),
      422,
      'form.outcome',
    ],
    [
      'POST /api/tasks/:id/complete: government aid only without a referral',
      () =>
        caseworker.request('POST', `/api/tasks/${taskId}/complete`, {
          form: { referrals: [], outcome: 'GOV_AID_ONLY' },
        }),
      422,
      'form.referrals',
    ],
    [
      'POST /api/tasks/:id/claim outside the jurisdiction',
      () => caseworker2.request('POST', `/api/tasks/${taskId}/claim`),
      404,
    ],
    ['an unknown API route', () => caseworker.request('GET', '/api/nothing-here'), 404],
    ['a route without a session', async () => h.app.request('/api/tasks'), 401],
  ];

  it.each(cases)('%s', async (_name, send, status, field) => {
    const before = await counts();
    await expectProblem(await send(), status, field);
    expect(await counts()).toEqual(before);
  });

  it('a second claim of a claimed task is a 409 that names the conflict, and the first claim stands', async () => {
    expect((await caseworker.request('POST', `/api/tasks/${taskId}/claim`)).status).toBe(200);
    const supervisor = await signIn(h.app, 'supervisor');
    const before = await counts();
    const problem = await expectProblem(await supervisor.request('POST', `/api/tasks/${taskId}/claim`), 409);
    expect(problem.type).toBe('urn:guanai:problem:task-taken');
    expect(await counts()).toEqual(before);
    expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).assigneeId).not.toBeNull();
  });

  it('a done task can be neither completed again (409, wrong state) nor claimed (404, no open task)', async () => {
    const done = await caseworker.request('POST', `/api/tasks/${taskId}/complete`, {
      form: { referrals: [], outcome: 'RESIDUAL_NEED' },
    });
    expect(done.status).toBe(200);
    const before = await counts();
    const problem = await expectProblem(
      await caseworker.request('POST', `/api/tasks/${taskId}/complete`, {
        form: { referrals: [], outcome: 'RESIDUAL_NEED' },
      }),
      409,
    );
    expect(problem.type).toBe('urn:guanai:problem:not-allowed-in-state');
    await expectProblem(await caseworker.request('POST', `/api/tasks/${taskId}/claim`), 404);
    expect(await counts()).toEqual(before);
  });
});

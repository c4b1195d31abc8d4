import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../seed/seed.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

/**
 * The SLA counters (migration 20261201000000_sla_counters) are kept by a trigger on task; whatever
 * is written, they must equal the counts taken from the task table itself.
 */
let database: TestDatabase;
let client: pg.Client;
let units: string[] = [];
const CASE_ID = '00000000-0000-4000-8000-00000000c0de';

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  units = (
    await client.query<{ id: string }>(`SELECT id FROM org_unit WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 3`)
  ).rows.map((r) => r.id);
  const { rows } = await client.query<{ id: string; org_unit_id: string }>(
    `SELECT id, org_unit_id FROM app_user WHERE username = 'caseworker'`,
  );
  const user = rows[0]!;
  await client.query(
    `INSERT INTO person (id, name, hukou, community_id, created_at, updated_at, created_by_id)
                      SELECT '00000000-0000-4000-8000-0000000000aa', '测试', 'CHENGDU', id, now(), now(), $1 FROM org_unit WHERE level = 'COMMUNITY' LIMIT 1`,
    [user.id],
  );
  await client.query(
    `INSERT INTO "case" (id, case_no, person_id, origin, situation, emergency, state, status, owning_unit_id, origin_unit_id, created_by_id, last_seq, data, flags, created_at, updated_at)
                      VALUES ($1, 'T-1', '00000000-0000-4000-8000-0000000000aa', 'SELF_APPLICATION', '测试', false, 'screening', 'OPEN', $2, $2, $3, 1, '{}', '[]', now(), now())`,
    [CASE_ID, user.org_unit_id, user.id],
  );
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const COUNTED = `
  SELECT unit_id::text, count(*) FILTER (WHERE status <> 'CANCELLED')::int AS total,
         count(*) FILTER (WHERE status <> 'CANCELLED' AND breached_at IS NOT NULL)::int AS breached,
         count(*) FILTER (WHERE status = 'OPEN')::int AS open,
         count(*) FILTER (WHERE status = 'OPEN' AND breached_at IS NOT NULL)::int AS open_breached,
         count(*) FILTER (WHERE status = 'OPEN' AND warned_at IS NOT NULL AND breached_at IS NULL)::int AS open_warned
  FROM task GROUP BY unit_id ORDER BY unit_id`;
const KEPT = `
  SELECT unit_id::text, total, breached, open, open_breached, open_warned FROM unit_sla_count
  WHERE (total, breached, open, open_breached, open_warned) <> (0, 0, 0, 0, 0) ORDER BY unit_id`;
const nonZero = (rows: Record<string, unknown>[]) =>
  rows.filter((r) => Object.entries(r).some(([k, v]) => k !== 'unit_id' && v !== 0));

const taskState = fc.record({
  status: fc.constantFrom('OPEN', 'DONE', 'CANCELLED'),
  unit: fc.nat({ max: 2 }),
  warned: fc.boolean(),
  breached: fc.boolean(),
});
const op = fc.oneof(
  fc.record({
    kind: fc.constant('upsert' as const),
    ids: fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 1, maxLength: 4 }),
    state: taskState,
  }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.nat({ max: 7 }) }),
);

type Op =
  | { kind: 'upsert'; ids: number[]; state: { status: string; unit: number; warned: boolean; breached: boolean } }
  | { kind: 'delete'; id: number };

async function apply(operation: Op) {
  if (operation.kind === 'delete') {
    await client.query('DELETE FROM task WHERE id = $1', [`t${operation.id}`]);
    return;
  }
  const { status, unit, warned, breached } = operation.state;
  // One statement for several tasks, as the projection writes them.
  await client.query(
    `INSERT INTO task (id, case_id, kind, status, unit_id, due_at, warn_at, warned_at, breached_at, created_at)
     SELECT 't' || i, $1, 'ASSESS', $2::"TaskStatus", $3, now(), now(), CASE WHEN $4 THEN now() END, CASE WHEN $5 THEN now() END, now()
     FROM unnest($6::int[]) i
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, unit_id = EXCLUDED.unit_id, warned_at = EXCLUDED.warned_at, breached_at = EXCLUDED.breached_at`,
    [CASE_ID, status, units[unit], warned, breached, operation.ids],
  );
}

describe('SLA counters per unit', () => {
  it('equal the counts of the task table after any sequence of inserts, updates, unit moves and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await client.query('DELETE FROM task');
        for (const operation of ops) await apply(operation);
        expect((await client.query(KEPT)).rows).toEqual(nonZero((await client.query(COUNTED)).rows));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });

  it('stay right when transactions update tasks of the same unit at the same time', async () => {
    await client.query('DELETE FROM task');
    const others = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = new pg.Client({ connectionString: database.url });
        await c.connect();
        return c;
      }),
    );
    try {
      await Promise.all(
        others.map(async (c, n) => {
          for (let i = 0; i < 10; i++) {
            await c.query('BEGIN');
            await c.query(
              `INSERT INTO task (id, case_id, kind, status, unit_id, due_at, created_at) VALUES ($1, $2, 'ASSESS', 'OPEN', $3, now(), now())`,
              [`c${n}-${i}`, CASE_ID, units[0]],
            );
            if (i % 2)
              await c.query(`UPDATE task SET status = 'DONE', breached_at = now() WHERE id = $1`, [`c${n}-${i - 1}`]);
            await c.query('COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(others.map((c) => c.end()));
    }
    expect((await client.query(KEPT)).rows).toEqual([
      { unit_id: units[0], total: 60, breached: 30, open: 30, open_breached: 0, open_warned: 0 },
    ]);
  });

  it('are rebuilt from the task table by unit_sla_count_rebuild() after a load with the trigger off', async () => {
    await client.query('ALTER TABLE task DISABLE TRIGGER task_sla_count');
    await client.query(`UPDATE task SET warned_at = now() WHERE status = 'OPEN'`);
    await client.query('ALTER TABLE task ENABLE TRIGGER task_sla_count');
    expect((await client.query(KEPT)).rows[0]).toMatchObject({ open_warned: 0 });
    await client.query('SELECT unit_sla_count_rebuild()');
    expect((await client.query(KEPT)).rows).toEqual(nonZero((await client.query(COUNTED)).rows));
    expect((await client.query(KEPT)).rows[0]).toMatchObject({ open_warned: 30 });
  });
});

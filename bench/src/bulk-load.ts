// A fast bulk loader for the work-queue benchmark: people, cases and tasks written straight into
// the tables with INSERT … SELECT generate_series (no workflows), consistent with the org tree.
import pg from 'pg';

/** The task kinds a loaded case has done or has open, in the order a case meets them. */
const KINDS = ['REGISTER', 'SCREEN', 'ASSESS', 'PLAN', 'APPROVE_PLAN', 'MATCH', 'DELIVER', 'FOLLOW_UP'];
/** The machine state a case is in while the task of this kind is open. */
const STATE_OF: Record<string, string> = {
  APPROVE_PLAN: 'planning.awaitingApproval',
  MATCH: 'matching',
  DELIVER: 'delivery',
  FOLLOW_UP: 'followUp.visiting',
};

/**
 * Every township gets three service stations (communities) unless the seed gave it some, so that
 * every case starts in a community below the township that owns it.
 */
export async function addCommunities(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(`
    INSERT INTO org_unit (id, code, name, level, parent_id, path)
    SELECT gen_random_uuid(), left(t.code, 9) || lpad(k::text, 3, '0'), t.name || '第' || k || '社区', 'COMMUNITY', t.id, t.path || left(t.code, 9) || lpad(k::text, 3, '0') || '/'
    FROM org_unit t CROSS JOIN generate_series(901, 903) k
    WHERE t.level = 'TOWNSHIP' AND NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = t.id)
    ON CONFLICT (code) DO NOTHING`);
  // The map from a case number to its community, township and district: cases spread evenly over
  // the townships, and over the communities within each.
  await client.query('DROP TABLE IF EXISTS bench_unit_map');
  await client.query(`
    CREATE UNLOGGED TABLE bench_unit_map AS
    SELECT c.id AS community_id, t.id AS township_id, d.id AS district_id,
           (dense_rank() OVER (ORDER BY t.code) - 1)::int AS ti,
           (row_number() OVER (PARTITION BY t.id ORDER BY c.code) - 1)::int AS ci,
           (count(*) OVER (PARTITION BY t.id))::int AS nc
    FROM org_unit c JOIN org_unit t ON t.id = c.parent_id JOIN org_unit d ON d.id = t.parent_id
    WHERE c.level = 'COMMUNITY' AND t.level = 'TOWNSHIP'`);
  await client.query('CREATE INDEX ON bench_unit_map (ti, ci)');
  return rowCount ?? 0;
}

/**
 * Loads cases number `from` … `to - 1` with five tasks each. About 25 % are closed (all tasks done,
 * some cancelled), 5 % were escalated to and accepted by the district, the rest are open with one
 * open task (one in ten with a second one, temporary aid), due from three days overdue to
 * seventeen days ahead; in the demo township 40 % of open tasks are claimed by `caseworker`.
 */
export async function loadCases(
  client: pg.ClientBase,
  {
    from,
    to,
    createdById,
    caseworkerId,
    demoTownshipId,
  }: { from: number; to: number; createdById: string; caseworkerId: string; demoTownshipId: string },
): Promise<void> {
  const { rows } = await client.query<{ nt: number }>('SELECT count(DISTINCT ti)::int AS nt FROM bench_unit_map');
  const nt = rows[0]!.nt;
  // One row per case with its pseudo-random draws (deterministic: the same g gives the same case).
  const cases = `
    SELECT g, m.community_id, m.township_id, m.district_id,
           abs(hashint4(g)) % 1000 AS r1, abs(hashint4(g + 7777777)) % 1000 AS r2, g % 4 AS o,
           md5('bench-case-' || g)::uuid AS case_id, md5('bench-person-' || g)::uuid AS person_id,
           date_trunc('second', now()) - interval '1 day' * (6 + abs(hashint4(g + 7777777)) % 85) - interval '1 second' * (g % 86400) AS opened_at
    FROM generate_series(${from}, ${to - 1}) g
    JOIN bench_unit_map m ON m.ti = g % ${nt} AND m.ci = (g / ${nt}) % m.nc`;
  await client.query('BEGIN');
  await client.query(`CREATE TEMP TABLE bench_cases ON COMMIT DROP AS ${cases}`);
  await client.query(
    `
    INSERT INTO person (id, name, hukou, community_id, created_at, updated_at, created_by_id)
    SELECT person_id, '基准' || g, 'CHENGDU', community_id, opened_at, opened_at, $1::uuid FROM bench_cases`,
    [createdById],
  );
  await client.query(
    `
    INSERT INTO "case" (id, case_no, person_id, origin, situation, emergency, state, status, closure_reason, owning_unit_id, origin_unit_id,
                        created_by_id, last_seq, data, flags, created_at, updated_at)
    SELECT case_id, 'BL-' || lpad(g::text, 7, '0'), person_id, 'SELF_APPLICATION', '批量载入的基准案件', NOT (r1 < 250) AND r2 % 10 = 0,
           CASE WHEN r1 < 250 THEN 'closed' ELSE ($2::jsonb ->> ($3::text[])[o + 5]) END,
           (CASE WHEN r1 < 250 THEN 'CLOSED' ELSE 'OPEN' END)::"CaseStatus",
           CASE WHEN r1 < 250 THEN 'resolved' END,
           CASE WHEN r1 >= 250 AND r1 < 300 THEN district_id ELSE township_id END, community_id,
           $1::uuid, 12, '{}'::jsonb, '[]'::jsonb, opened_at, opened_at + interval '5 days'
    FROM bench_cases`,
    [createdById, JSON.stringify(STATE_OF), KINDS],
  );
  await client.query(
    `
    INSERT INTO task (id, case_id, kind, status, unit_id, assignee_id, due_at, warn_at, warned_at, breached_at, created_at, completed_at, completed_by_id)
    SELECT t.case_id::text || ':' || (j + 1), t.case_id, t.kind, t.status::"TaskStatus",
           CASE WHEN t.kind = 'REGISTER' THEN t.community_id WHEN j = 4 AND t.escalated THEN t.district_id ELSE t.township_id END,
           CASE WHEN t.status = 'OPEN' AND t.township_id = $2::uuid AND t.r2 % 5 < 2 THEN $1::uuid END,
           t.due_at, t.created_at + (t.due_at - t.created_at) * 0.75,
           CASE WHEN t.status = 'OPEN' AND t.created_at + (t.due_at - t.created_at) * 0.75 < now() THEN t.created_at + (t.due_at - t.created_at) * 0.75 END,
           CASE WHEN t.status = 'OPEN' AND t.due_at < now() THEN t.due_at END,
           t.created_at,
           CASE WHEN t.status = 'DONE' THEN t.created_at + interval '1 day' END,
           CASE WHEN t.status = 'DONE' THEN $1::uuid END
    FROM (
      SELECT c.*, j, c.r1 >= 250 AND c.r1 < 300 AS escalated,
             CASE WHEN c.r1 >= 250 AND j = 3 AND c.r2 % 10 = 0 THEN 'EMERGENCY_AID' ELSE ($3::text[])[c.o + j + 1] END AS kind,
             CASE
               WHEN c.r1 < 250 THEN CASE WHEN j = 4 AND c.r2 % 3 = 0 THEN 'CANCELLED' ELSE 'DONE' END
               WHEN j = 4 OR (j = 3 AND c.r2 % 10 = 0) THEN 'OPEN'
               ELSE 'DONE'
             END AS status,
             c.opened_at + interval '1 day' * j AS created_at,
             CASE
               WHEN c.r1 >= 250 AND (j = 4 OR (j = 3 AND c.r2 % 10 = 0)) THEN date_trunc('minute', now()) + interval '1 hour' * ((c.r2 * 7) % 480 - 72)
               ELSE c.opened_at + interval '1 day' * j + interval '3 days'
             END AS due_at
      FROM bench_cases c CROSS JOIN generate_series(0, 4) j
    ) t`,
    [caseworkerId, demoTownshipId, KINDS],
  );
  await client.query('COMMIT');
}

/** Row counts, for the record. */
export async function counts(
  client: pg.ClientBase,
): Promise<{ cases: number; tasks: number; openTasks: number; people: number; units: number }> {
  const { rows } = await client.query(`
    SELECT (SELECT count(*) FROM "case")::int AS cases, (SELECT count(*) FROM task)::int AS tasks,
           (SELECT count(*) FROM task WHERE status = 'OPEN')::int AS "openTasks", (SELECT count(*) FROM person)::int AS people,
           (SELECT count(*) FROM org_unit)::int AS units`);
  return rows[0];
}

import { Prisma, type Db, type TaskStatus } from '@guanai/db';
import { taskInclude, type TaskRow } from './task-dto.ts';

const SORT_COLUMNS = { dueAt: 'due_at', createdAt: 'created_at', kind: 'kind', status: 'status' } as const;

export interface UnitQueueQuery {
  /** The materialised path of the unit whose subtree the queue covers. */
  path: string;
  status: TaskStatus;
  kind?: string;
  overdue?: boolean;
  sort: [keyof typeof SORT_COLUMNS, 'ASC' | 'DESC'];
  range: [number, number];
}

/**
 * One page of a unit queue: the tasks of the units in a subtree, in the order asked for (then by
 * id). PostgreSQL cannot merge the per-unit index (unit_id, status, due_at) across the subtree's
 * units, so `ORDER BY … LIMIT` over the subtree sorts every task in it (a district's 35,000 open
 * tasks at 1,000,000 cases); here each unit gives its first tasks through that index, as many as
 * the page reaches, and only those are sorted. The rows then come with their relations by id.
 */
export async function unitQueuePage(db: Db, q: UnitQueueQuery): Promise<TaskRow[]> {
  const [from, to] = q.range;
  const order = Prisma.raw(`t.${SORT_COLUMNS[q.sort[0]]} ${q.sort[1] === 'DESC' ? 'DESC' : 'ASC'}, t.id`);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM org_unit u
    CROSS JOIN LATERAL (
      SELECT t.id, t.due_at, t.created_at, t.kind, t.status FROM task t
      WHERE t.unit_id = u.id AND t.status = ${q.status}::"TaskStatus"
        ${q.kind ? Prisma.sql`AND t.kind = ${q.kind}` : Prisma.empty}
        ${q.overdue ? Prisma.sql`AND t.due_at < ${new Date()}` : Prisma.empty}
      ORDER BY ${order}
      LIMIT ${to + 1}
    ) t
    WHERE u.path LIKE ${`${q.path}%`}
    ORDER BY ${order}
    OFFSET ${from} LIMIT ${to - from + 1}`;
  if (ids.length === 0) return [];
  return db.task.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: taskInclude,
    orderBy: [{ [q.sort[0]]: q.sort[1].toLowerCase() }, { id: 'asc' }],
  });
}

/** The open tasks of the units in a subtree, from the per-unit counters a trigger on task keeps (unit_sla_count). */
export async function openTasksUnder(db: Db, path: string): Promise<number> {
  const [row] = await db.$queryRaw<[{ n: number }]>`
    SELECT coalesce(sum(s.open), 0)::int AS n
    FROM unit_sla_count s JOIN org_unit u ON u.id = s.unit_id
    WHERE u.path LIKE ${`${path}%`}`;
  return row.n;
}

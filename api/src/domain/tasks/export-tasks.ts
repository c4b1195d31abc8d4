import { stringify } from 'csv-stringify/sync';
import { appendAudit, type Db } from '@guanai/db';
import type { CaseFlag, TaskKind } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TTaskListFilter } from '../../routes/tasks/tasks.types.ts';
import { endOfBeijingDay } from './beijing-day.ts';
import { taskInclude } from './task-dto.ts';
import { CASE_FLAG_LABELS, TASK_KIND_LABELS } from './task-labels.ts';
import { taskListWhere } from './task-list-where.ts';

const EXPORT_LIMIT = 10_000;

/** The list's columns, no more: the person by name only (no identity number, no phone). */
const COLUMNS = ['任务', '事项', '求助人', '案件编号', '所属单位', '经办人', '截止时间', '状态', '急难', '标记'];
const STATUS_LABELS = { OPEN: '待办', DONE: '已完成', CANCELLED: '已取消' } as const;

const BEIJING_OFFSET = 8 * 3_600_000;
/** A time as Beijing wall-clock time, `YYYY-MM-DD HH:mm`, as staff read it. */
const beijingTime = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The inbox's filtered list as CSV (UTF-8 with BOM, for Excel), with the list's filter and sort,
 * inside the user's jurisdiction. It names people, so it is a sensitive read: it goes into the
 * audit log with its filter and size.
 */
export async function exportTasks({
  db,
  user,
  filter,
  sort,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  filter: TTaskListFilter;
  sort: [string, 'ASC' | 'DESC'];
  now?: Date;
}): Promise<{ csv: string; filename: string }> {
  const rows = await db.task.findMany({
    where: taskListWhere(user, filter, now),
    include: taskInclude,
    orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
    take: EXPORT_LIMIT,
  });
  await appendAudit(db, {
    actorId: user.id,
    action: 'task.export',
    target: `org-unit:${user.orgUnit.id}`,
    detail: { filter, sort, rows: rows.length },
  });
  const csv = stringify(
    rows.map((task) => [
      TASK_KIND_LABELS[task.kind as TaskKind] ?? task.kind,
      task.title ?? '',
      task.case.person.name,
      task.case.caseNo,
      task.unit.name,
      task.assignee?.displayName ?? '',
      beijingTime(task.dueAt),
      task.status === 'OPEN' && task.dueAt < now ? '已逾期' : STATUS_LABELS[task.status],
      task.case.emergency ? '是' : '',
      (task.case.flags as { flag: CaseFlag }[]).map((f) => CASE_FLAG_LABELS[f.flag] ?? f.flag).join('；'),
    ]),
    { header: true, columns: COLUMNS },
  );
  const day = beijingTime(new Date(endOfBeijingDay(now).getTime() - 1)).slice(0, 10);
  return { csv: `\uFEFF${csv}`, filename: `tasks-${user.orgUnit.code}-${day}.csv` };
}

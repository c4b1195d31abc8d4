import type { Db } from '@guanai/db';
import type { CaseFlag, TaskKind } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TTaskListFilter } from '../../routes/tasks/tasks.types.ts';
import { beijingTime, exportList } from '../exports/export-list.ts';
import type { ExportColumn, ExportFile, ExportFormat } from '../exports/write-table.ts';
import { taskInclude } from './task-dto.ts';
import { CASE_FLAG_LABELS, TASK_KIND_LABELS } from '@guanai/workflows/labels';
import { taskListWhere } from './task-list-where.ts';

/** The list's columns, no more: the person by name only (no identity number, no phone). */
const COLUMNS: ExportColumn[] = [
  { header: '任务', width: 16 },
  { header: '事项', width: 24 },
  { header: '求助人', width: 10 },
  { header: '案件编号', width: 16 },
  { header: '所属单位', width: 20 },
  { header: '经办人', width: 10 },
  { header: '截止时间', width: 18 },
  { header: '状态', width: 8 },
  { header: '急难', width: 6 },
  { header: '标记', width: 16 },
];
const STATUS_LABELS = { OPEN: '待办', DONE: '已完成', CANCELLED: '已取消' } as const;

/**
 * The inbox's filtered list as CSV (UTF-8 with BOM, for Excel) or a workbook, with the list's filter
 * and sort, inside the user's jurisdiction. It names people, so it is a sensitive read: it goes into
 * the audit log with its filter and size. More rows than an export holds is a 422 (narrow the filter).
 */
export async function exportTasks({
  db,
  user,
  filter,
  sort,
  format = 'csv',
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  filter: TTaskListFilter;
  sort: [string, 'ASC' | 'DESC'];
  format?: ExportFormat;
  now?: Date;
}): Promise<ExportFile> {
  const where = taskListWhere(user, filter, now);
  return exportList({
    db,
    user,
    list: 'task',
    filter,
    detail: { sort },
    format,
    name: 'tasks',
    sheet: '任务列表',
    columns: COLUMNS,
    now,
    count: () => db.task.count({ where }),
    read: (take) =>
      db.task.findMany({
        where,
        include: taskInclude,
        orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
        take,
      }),
    cells: (task) => [
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
    ],
  });
}

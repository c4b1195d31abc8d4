import type { Prisma } from '@guanai/db';
import type { TaskKind } from '@guanai/workflows/vocabulary';
import type { TCaseFlag } from '../../routes/cases/case-actions.types.ts';
import type { TTask } from '../../routes/tasks/tasks.types.ts';

/** What a task row brings along for its DTO (the case page's task list uses it too). */
export const taskInclude = {
  unit: { select: { name: true } },
  assignee: { select: { displayName: true } },
  case: { select: { caseNo: true, state: true, emergency: true, flags: true, person: { select: { name: true } } } },
} satisfies Prisma.TaskInclude;

export type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export function toTaskDto(task: TaskRow): TTask {
  return {
    id: task.id,
    caseId: task.caseId,
    caseNo: task.case.caseNo,
    kind: task.kind as TaskKind,
    title: task.title,
    status: task.status,
    unitId: task.unitId,
    unitName: task.unit.name,
    assigneeId: task.assigneeId,
    assigneeName: task.assignee?.displayName ?? null,
    dueAt: task.dueAt.toISOString(),
    breachedAt: task.breachedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    caseState: task.case.state,
    personName: task.case.person.name,
    emergency: task.case.emergency,
    flags: task.case.flags as unknown as TCaseFlag[],
  };
}

import type { Db } from '@guanai/db';
import type { CaseProjection } from './projection.ts';

/** The case workflow's only I/O. */
export function createCaseActivities({ db }: { db: Db }) {
  return {
    /**
     * Writes one accepted event and the snapshot after it. Idempotent: the case row only moves
     * forward (last_seq), tasks are written with it, and the event row is keyed by (case, seq),
     * so a retried activity writes nothing twice.
     */
    async projectCase(p: CaseProjection): Promise<void> {
      const { record, event } = p;
      const data = JSON.stringify(p.data);
      const flags = JSON.stringify((p.data as { flags?: unknown[] }).flags ?? []);
      const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
      await db.$transaction(async (tx) => {
        const moved = await tx.$executeRaw`
          INSERT INTO "case" (id, case_no, person_id, origin, situation, emergency, state, status, closure_reason,
                              owning_unit_id, origin_unit_id, created_by_id, last_seq, data, flags, created_at, updated_at)
          VALUES (${record.caseId}::uuid, ${record.caseNo}, ${record.personId}::uuid, ${record.origin}::"CaseOrigin",
                  ${record.situation}, ${p.emergency}, ${p.state}, ${p.status}::"CaseStatus", ${p.closureReason},
                  ${p.owningUnitId}::uuid, ${record.originUnitId}::uuid, ${record.createdById}::uuid, ${p.seq},
                  ${data}::jsonb, ${flags}::jsonb, ${new Date(event.at)}, ${new Date(event.at)})
          ON CONFLICT (id) DO UPDATE SET
            emergency = EXCLUDED.emergency, state = EXCLUDED.state, status = EXCLUDED.status,
            closure_reason = EXCLUDED.closure_reason, owning_unit_id = EXCLUDED.owning_unit_id,
            last_seq = EXCLUDED.last_seq, data = EXCLUDED.data, flags = EXCLUDED.flags, updated_at = EXCLUDED.updated_at
          WHERE "case".last_seq < EXCLUDED.last_seq`;
        if (moved === 0) return; // already written by an earlier attempt, or a later event is
        for (const task of p.tasks) {
          await tx.$executeRaw`
            INSERT INTO task (id, case_id, kind, title, status, unit_id, assignee_id, due_at, warn_at, warned_at, breached_at,
                              created_at, completed_at, completed_by_id)
            VALUES (${task.id}, ${record.caseId}::uuid, ${task.kind}, ${task.title ?? null}, ${task.status}::"TaskStatus", ${task.unitId}::uuid,
                    ${task.assigneeId}::uuid, ${new Date(task.dueAt)}, ${at(task.warnAt)}, ${at(task.warnedAt)}, ${at(task.breachedAt)},
                    ${new Date(task.createdAt)}, ${at(task.completedAt)}, ${task.completedById === 'system' ? null : task.completedById}::uuid)
            ON CONFLICT (id) DO UPDATE SET
              status = EXCLUDED.status, unit_id = EXCLUDED.unit_id, assignee_id = EXCLUDED.assignee_id,
              due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, warned_at = EXCLUDED.warned_at,
              breached_at = EXCLUDED.breached_at, completed_at = EXCLUDED.completed_at, completed_by_id = EXCLUDED.completed_by_id
            WHERE task.status <> EXCLUDED.status OR task.assignee_id IS DISTINCT FROM EXCLUDED.assignee_id
               OR task.unit_id <> EXCLUDED.unit_id OR task.due_at <> EXCLUDED.due_at
               OR task.warned_at IS DISTINCT FROM EXCLUDED.warned_at OR task.breached_at IS DISTINCT FROM EXCLUDED.breached_at`;
        }
        await tx.caseEvent.createMany({
          data: [{
            caseId: record.caseId,
            seq: p.seq,
            type: event.type,
            fromState: event.fromState,
            toState: event.toState,
            actorId: event.actorId,
            at: new Date(event.at),
            payload: event.payload as object,
          }],
          skipDuplicates: true,
        });
        // Notifications: the named user, and the supervisors of the unit concerned.
        for (const note of p.notifications ?? []) {
          await tx.$executeRaw`
            INSERT INTO notification (user_id, case_id, task_id, kind, seq)
            SELECT u.id, ${record.caseId}::uuid, ${note.taskId}, ${note.kind}, ${p.seq}
            FROM app_user u
            WHERE u.active AND (u.id = ${note.userId}::uuid OR (${note.kind} <> 'ASSIGNED' AND u.role = 'SUPERVISOR' AND u.org_unit_id = ${note.unitId}::uuid))
            ON CONFLICT (case_id, seq, user_id, kind) DO NOTHING`;
        }
      });
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

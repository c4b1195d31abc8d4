import { loadSlaSettings, type Db } from '@guanai/db';
import { isWorkingDay, shanghaiDate } from '../sla/calendar.ts';

export interface DigestRun {
  day: string;
  /** HOLIDAY or WEEKEND: not a working day by the project's calendar, so nothing was written. */
  skipped: 'NOT_A_WORKING_DAY' | null;
  /** Supervisors given a digest (those with something waiting). */
  written: number;
}

/**
 * The supervisors' morning digest (每日待办摘要): on a working day of the project's calendar (调休
 * Saturdays included, statutory holidays not), one notification per active supervisor with something
 * waiting in their subtree — open tasks past due, plans and closures awaiting approval, escalations
 * waiting to be accepted. One per supervisor and day, so a retried or repeated run writes nothing twice;
 * the outbox relay delivers it like any other notification.
 */
export function createDigestActivities({ db }: { db: Db }) {
  return {
    async writeMorningDigests({ at }: { at: string }): Promise<DigestRun> {
      const now = new Date(at);
      const day = shanghaiDate(now.getTime());
      const { calendar } = await loadSlaSettings(db, now);
      if (!isWorkingDay(day, calendar)) return { day, skipped: 'NOT_A_WORKING_DAY', written: 0 };
      const written = await db.$executeRaw`
        INSERT INTO notification (user_id, case_id, task_id, kind, seq, day, body)
        SELECT s.id, NULL, NULL, 'DIGEST', NULL, ${day}::date,
               jsonb_build_object('day', ${day}::text, 'overdue', c.overdue, 'awaitingApproval', c.approvals, 'escalations', c.escalations)
        FROM app_user s
        JOIN org_unit su ON su.id = s.org_unit_id
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE t.due_at < ${now})::int AS overdue,
                 count(*) FILTER (WHERE t.kind IN ('APPROVE_PLAN', 'APPROVE_CLOSURE'))::int AS approvals,
                 count(*) FILTER (WHERE t.kind = 'ACCEPT_ESCALATION')::int AS escalations
          FROM task t JOIN org_unit tu ON tu.id = t.unit_id
          WHERE t.status = 'OPEN' AND tu.path LIKE su.path || '%'
        ) c
        WHERE s.role = 'SUPERVISOR' AND s.active AND (c.overdue + c.approvals + c.escalations) > 0
        ON CONFLICT (user_id, kind, day) DO NOTHING`;
      return { day, skipped: null, written };
    },
  };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;

import type { Db } from '@guanai/db';
import { faultPoint } from '../faults.ts';
import type { CaseClosedEffect, MeetingResolvedEffect } from './machine.ts';
import type { CaseProjection } from './projection.ts';

/** What `performEffects` carries: the effects one accepted event emitted, with its sequence number. */
export interface CaseEffects {
  caseId: string;
  seq: number;
  effects: (CaseClosedEffect | MeetingResolvedEffect)[];
}

/** The case workflow's only I/O. */
export function createCaseActivities({ db }: { db: Db }) {
  return {
    /**
     * Writes one accepted event and the snapshot after it, in one statement (so one round trip and
     * atomic without a transaction). Idempotent: the case row only moves forward (last_seq), and the
     * tasks, the event row (keyed by case and seq) and the notifications are written only when it
     * moved, so a retried activity writes nothing twice. Tasks are written in unit order, so that two
     * projections updating the same units' SLA counters (a trigger on task) take their locks in the
     * same order.
     */
    async projectCase(p: CaseProjection): Promise<void> {
      const { record, event } = p;
      const tasks = p.tasks.map((task) => ({
        ...task,
        title: task.title ?? null,
        completedById: task.completedById === 'system' ? null : task.completedById,
      }));
      const data = JSON.stringify(p.data);
      const flags = JSON.stringify((p.data as { flags?: unknown[] }).flags ?? []);
      const at = new Date(event.at);
      await db.$executeRaw`
        WITH moved AS (
          INSERT INTO "case" (id, case_no, person_id, origin, situation, emergency, state, status, closure_reason,
                              owning_unit_id, origin_unit_id, created_by_id, last_seq, data, flags, demo, application_id, referral,
                              created_at, updated_at)
          VALUES (${record.caseId}::uuid, ${record.caseNo}, ${record.personId}::uuid, ${record.origin}::"CaseOrigin",
                  ${record.situation}, ${p.emergency}, ${p.state}, ${p.status}::"CaseStatus", ${p.closureReason},
                  ${p.owningUnitId}::uuid, ${record.originUnitId}::uuid, ${record.createdById}::uuid, ${p.seq},
                  ${data}::jsonb, ${flags}::jsonb, ${record.demo ?? false}, ${record.applicationId ?? null}::uuid,
                  ${record.referral ? JSON.stringify(record.referral) : null}::jsonb, ${at}, ${at})
          ON CONFLICT (id) DO UPDATE SET
            emergency = EXCLUDED.emergency, state = EXCLUDED.state, status = EXCLUDED.status,
            closure_reason = EXCLUDED.closure_reason, owning_unit_id = EXCLUDED.owning_unit_id,
            last_seq = EXCLUDED.last_seq, data = EXCLUDED.data, flags = EXCLUDED.flags, updated_at = EXCLUDED.updated_at
          WHERE "case".last_seq < EXCLUDED.last_seq
          RETURNING id
        ), accepted AS (
          -- A case opened from an online application: the application reads ACCEPTED, by the station
          -- worker who opened the case, in the same statement as the case's first row (once).
          UPDATE application SET status = 'ACCEPTED', decided_at = ${at}, decided_by_id = ${record.createdById}::uuid
          WHERE id = ${record.applicationId ?? null}::uuid AND status = 'SUBMITTED' AND EXISTS (SELECT 1 FROM moved)
          RETURNING id
        ), tasks AS (
          INSERT INTO task (id, case_id, kind, title, status, unit_id, assignee_id, due_at, warn_at, warned_at, breached_at,
                            created_at, completed_at, completed_by_id)
          SELECT t.id, m.id, t.kind, t.title, t.status::"TaskStatus", t."unitId", t."assigneeId", t."dueAt", t."warnAt", t."warnedAt",
                 t."breachedAt", t."createdAt", t."completedAt", t."completedById"
          FROM moved m,
               jsonb_to_recordset(${JSON.stringify(tasks)}::jsonb) AS t(id text, kind text, title text, status text,
                 "unitId" uuid, "assigneeId" uuid, "dueAt" timestamptz, "warnAt" timestamptz, "warnedAt" timestamptz,
                 "breachedAt" timestamptz, "createdAt" timestamptz, "completedAt" timestamptz, "completedById" uuid)
          ORDER BY t."unitId", t.id
          ON CONFLICT (id) DO UPDATE SET
            status = EXCLUDED.status, unit_id = EXCLUDED.unit_id, assignee_id = EXCLUDED.assignee_id,
            due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, warned_at = EXCLUDED.warned_at,
            breached_at = EXCLUDED.breached_at, completed_at = EXCLUDED.completed_at, completed_by_id = EXCLUDED.completed_by_id
          WHERE task.status <> EXCLUDED.status OR task.assignee_id IS DISTINCT FROM EXCLUDED.assignee_id
             OR task.unit_id <> EXCLUDED.unit_id OR task.due_at <> EXCLUDED.due_at OR task.warn_at IS DISTINCT FROM EXCLUDED.warn_at
             OR task.warned_at IS DISTINCT FROM EXCLUDED.warned_at OR task.breached_at IS DISTINCT FROM EXCLUDED.breached_at
        ), event AS (
          INSERT INTO case_event (case_id, seq, type, from_state, to_state, actor_id, at, payload)
          SELECT m.id, ${p.seq}::int, ${event.type}::text, ${event.fromState}::text, ${event.toState}::text, ${event.actorId}::uuid,
                 ${at}::timestamptz, ${JSON.stringify(event.payload)}::jsonb
          FROM moved m
          ON CONFLICT (case_id, seq) DO NOTHING
        )
        -- Notifications: the named user (their delegate while an absence of theirs runs at the event's
        -- time: the same recipient on every retry), and the supervisors of the unit concerned; and
        -- those the event concerns outside the case's staff (below).
        INSERT INTO notification (user_id, case_id, task_id, kind, seq)
        SELECT DISTINCT u.id, m.id, n."taskId", n.kind, ${p.seq}::int
        FROM moved m,
             jsonb_to_recordset(${JSON.stringify(p.notifications ?? [])}::jsonb) AS n(kind text, "taskId" text, "unitId" uuid, "userId" uuid)
             LEFT JOIN LATERAL (
               SELECT a.delegate_id FROM absence a
               WHERE a.user_id = n."userId" AND a.starts_at <= ${at}::timestamptz AND a.ends_at > ${at}::timestamptz
               ORDER BY a.starts_at DESC LIMIT 1
             ) cover ON true
             JOIN app_user u ON u.active AND (u.id = coalesce(cover.delegate_id, n."userId") OR (n.kind <> 'ASSIGNED' AND u.role = 'SUPERVISOR' AND u.org_unit_id = n."unitId"))
        UNION
        -- Issue 18: a delivery falling due (its DELIVER task warned) tells the partners whose matches
        -- the case holds accepted, who deliver it.
        SELECT u.id, m.id, n."taskId", 'DELIVERY_DUE', ${p.seq}::int
        FROM moved m,
             jsonb_to_recordset(${JSON.stringify(p.notifications ?? [])}::jsonb) AS n(kind text, "taskId" text)
             JOIN task t ON t.id = n."taskId" AND t.kind = 'DELIVER'
             JOIN match mt ON mt.case_id = t.case_id AND mt.status = 'ACCEPTED'
             JOIN resource r ON r.id = mt.resource_id
             JOIN app_user u ON u.active AND u.role = 'PARTNER' AND u.partner_id = r.provider_id
        WHERE n.kind = 'SLA_WARNING'
        UNION
        -- Issue 18: a self-application closed at screening without aid (不予救助) tells the stations of the
        -- community it was made at, who answer the applicant.
        SELECT u.id, m.id, NULL, 'APPLICATION_DECLINED', ${p.seq}::int
        FROM moved m JOIN app_user u ON u.active AND u.role = 'STATION_WORKER' AND u.org_unit_id = ${record.originUnitId}::uuid
        WHERE ${record.origin} = 'SELF_APPLICATION' AND ${event.fromState}::text = 'screening' AND ${event.toState}::text = 'closed'
        ON CONFLICT (case_id, seq, user_id, kind) DO NOTHING`;
    },

    /**
     * The consequences of a transition outside the case's own rows. Each statement is idempotent
     * (a retry after a crash changes nothing twice), so the activity may run again at any point.
     */
    async performEffects({ effects }: CaseEffects): Promise<void> {
      for (const effect of effects) {
        if (effect.type === 'caseClosed') await closeCaseEffects(db, effect.caseId);
        else if (effect.meetingId) await recordMeetingResolution(db, effect);
      }
    },
  };
}

/**
 * §四(六) a closed case holds nothing: its matches not yet delivered end, and what they held goes back
 * to their resources, in one statement (only live matches end, so a second run gives back nothing).
 * §四(七) its projects leave the public platform. §四(三) its volunteers' assignments not begun are cancelled.
 */
async function closeCaseEffects(db: Db, caseId: string): Promise<void> {
  faultPoint('worker.effect');
  await db.$executeRaw`
    WITH ended AS (
      UPDATE match m SET status = 'CANCELLED', decline_reason = 'case closed', live_key = NULL, decided_at = now()
      WHERE m.case_id = ${caseId}::uuid AND m.status IN ('PROPOSED', 'ACCEPTED')
        AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.match_id = m.id)
      RETURNING m.resource_id, m.places, m.amount
    ), given AS (
      SELECT resource_id, sum(places)::int AS places, sum(amount) AS amount FROM ended GROUP BY resource_id
    )
    UPDATE resource r SET reserved_places = r.reserved_places - g.places, reserved_amount = r.reserved_amount - g.amount
    FROM given g WHERE r.id = g.resource_id`;
  faultPoint('worker.effect'); // between the two statements: the retry must give nothing back twice
  // §四(三) 志愿服务: volunteers' assignments not yet begun end with the case (one on duty there checks out
  // as usual, and those hours stand); only ASSIGNED ones change, so a second run changes nothing.
  await db.$executeRaw`
    UPDATE volunteer_assignment a SET status = 'CANCELLED', cancel_reason = 'case closed'
    WHERE a.case_id = ${caseId}::uuid AND a.status = 'ASSIGNED'
      AND NOT EXISTS (SELECT 1 FROM volunteer_attendance t WHERE t.assignment_id = a.id AND t.checked_out_at IS NULL)`;
  // 认捐 §四(三): its projects' pending pledges are answered 个案已结案, in the same statement (only
  // pending pledges and published projects change, so a second run changes nothing).
  await db.$executeRaw`
    WITH declined AS (
      UPDATE project_response SET status = 'DECLINED', decline_reason = '个案已结案', decided_at = now()
      WHERE status = 'PENDING' AND project_id IN (SELECT id FROM project WHERE case_id = ${caseId}::uuid)
    )
    UPDATE project SET status = 'WITHDRAWN', closed_reason = 'CASE_CLOSED', closed_at = now()
    WHERE case_id = ${caseId}::uuid AND status = 'PUBLISHED'`;
}

/** §四(九) the resolution in the meeting's record, once per meeting and case. */
async function recordMeetingResolution(db: Db, effect: MeetingResolvedEffect): Promise<void> {
  const actions = effect.actions.map((a) => ({
    department: a.departmentCode ?? a.department,
    action: a.action,
    deadline: a.deadline,
  }));
  faultPoint('worker.effect');
  await db.$executeRaw`
    INSERT INTO meeting_item (id, meeting_id, case_id, resolution, next, actions, resolved_by_id, resolved_at)
    SELECT gen_random_uuid(), m.id, ${effect.caseId}::uuid, ${effect.resolution}, ${effect.next},
           ${JSON.stringify(actions)}::jsonb, ${effect.resolvedById}::uuid, ${new Date(effect.at)}
    FROM joint_meeting m WHERE m.id = ${effect.meetingId}::uuid -- a meeting that is not there is no record to write to (never a retry for ever)
    ON CONFLICT (meeting_id, case_id) DO NOTHING`;
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

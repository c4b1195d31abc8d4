import type { Db } from '@guanai/db';
import type { ActRequest } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TResolution } from '../../routes/meetings/meetings.types.ts';
import { actorOf } from '../tasks/actor-of.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { findMeeting } from './find-meeting.ts';
import { meetingAgenda } from './meeting-agenda.ts';

/**
 * §四(九): the meeting's resolution on one case of its agenda, sent to the case workflow
 * (MEETING_RESOLVED), whose actions become tasks with their deadlines; the workflow writes the
 * meeting's record before the Update answers. A retried request resolves once.
 */
export async function resolveMeetingCase({
  db,
  cases,
  user,
  meetingId,
  body,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  meetingId: string;
  body: TResolution;
}): Promise<{ id: string; caseId: string }> {
  const meeting = await findMeeting({ db, user, id: meetingId });
  const updateId = `meeting:${meeting.id}:${body.caseId}:resolve`;
  const recorded = () =>
    db.meetingItem.findUnique({ where: { meetingId_caseId: { meetingId: meeting.id, caseId: body.caseId } } });
  const done = await recorded();
  if (done) return { id: done.id, caseId: done.caseId };
  // A retry whose first attempt's Update was taken (the case has left the agenda) while its effects
  // are still being performed: the same Update again waits for them and answers as the first did.
  const taken = await db.caseEvent.findFirst({
    where: {
      caseId: body.caseId,
      type: 'MEETING_RESOLVED',
      payload: { path: ['meetingId'], equals: meeting.id },
    },
    select: { payload: true },
  });
  if (taken) {
    await cases.act(
      body.caseId,
      { ...(taken.payload as object), type: 'MEETING_RESOLVED', actor: actorOf(user) } as ActRequest,
      updateId,
    );
    const item = await recorded();
    if (item) return { id: item.id, caseId: item.caseId };
  }
  if (!(await meetingAgenda({ db, meeting })).some((a) => a.caseId === body.caseId)) {
    throw new AppError('VALIDATION', { message: 'is not on this meeting’s agenda', field: 'caseId' });
  }
  const departments = await db.department.findMany({
    where: { code: { in: body.actions.map((a) => a.department) } },
  });
  const nameOf = new Map(departments.map((d) => [d.code, d.name]));
  body.actions.forEach((a, i) => {
    if (!nameOf.has(a.department) || !meeting.departments.includes(a.department)) {
      throw new AppError('VALIDATION', {
        message: 'is not a member department of this meeting',
        field: `actions.${i}.department`,
      });
    }
  });
  const task = await db.task.findFirst({ where: { caseId: body.caseId, kind: 'JOINT_MEETING', status: 'OPEN' } });
  if (!task)
    throw new AppError('CONFLICT', {
      message: 'the case has no open joint-meeting task',
      reason: 'NOT_ALLOWED_IN_STATE',
    });
  const actor = actorOf(user);
  // Claimed as the case itself says, not as its projected row does: a claim projected in a workflow
  // task that was then lost (the history service killed mid-task) is on the row but not in the case,
  // and a retry that trusted the row was refused (not-assignee). The claim's fixed update id makes a
  // repeat one Update; a task already held is left to the resolution, which names who holds it.
  await cases
    .act(body.caseId, { type: 'CLAIM', taskId: task.id, actor }, `meeting:${meeting.id}:${body.caseId}:claim`)
    .catch((error: unknown) => {
      if (error instanceof AppError && error.reason === 'TASK_TAKEN') return;
      throw error;
    });
  // The workflow writes the meeting's record (an effect of MEETING_RESOLVED) before the Update answers.
  const actions = body.actions.map((a) => ({
    department: nameOf.get(a.department)!,
    departmentCode: a.department,
    action: a.action,
    deadline: a.deadline,
  }));
  await cases.act(
    body.caseId,
    {
      type: 'MEETING_RESOLVED',
      taskId: task.id,
      meetingId: meeting.id,
      next: body.next,
      actions,
      note: body.resolution,
      actor,
    },
    updateId,
  );
  const item = await db.meetingItem.findUniqueOrThrow({
    where: { meetingId_caseId: { meetingId: meeting.id, caseId: body.caseId } },
  });
  return { id: item.id, caseId: item.caseId };
}

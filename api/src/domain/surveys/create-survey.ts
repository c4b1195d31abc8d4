import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TSurveyCreated } from '../../routes/cases/surveys.types.ts';
import { isUniqueViolation } from '../../errors/unique-violation.ts';
import { alreadySurveyed } from './already-surveyed.ts';
import { surveyScore, type TSurveyAnswers } from './survey-answers.ts';
import { SURVEY_LINK_DAYS, surveyTokenHash } from './survey-link.ts';

/**
 * The recipient's satisfaction at the follow-up visit (or after it, once the case is closed), taken
 * by the caseworker (with answers) or as a one-time link for the recipient's phone (without; the
 * token is shown once). One survey per visit (§四(八)): the visit's FOLLOW_UP task is the survey's
 * slot, which the caseworker and the link share. A link not yet answered is replaced by a new one,
 * or by the caseworker's entry; an answered one is 409.
 */
export async function createSurvey({
  db,
  user,
  caseId,
  answers,
}: {
  db: Db;
  user: SessionUser;
  caseId: string;
  answers: TSurveyAnswers | undefined;
}): Promise<TSurveyCreated> {
  const row = await db.case.findFirst({
    where: { id: caseId, ...visibleCases(user) },
    select: { id: true, state: true },
  });
  if (!row) throw notFound('case');
  const atVisit = row.state === 'followUp' || row.state === 'followUp.visiting';
  if (!atVisit && !row.state.startsWith('closed')) {
    throw new AppError('CONFLICT', {
      message: `the satisfaction survey is taken at the follow-up visit (the case is in ${row.state})`,
      reason: 'NOT_ALLOWED_IN_STATE',
    });
  }
  const visit = await db.task.findFirst({
    where: { caseId: row.id, kind: 'FOLLOW_UP', status: atVisit ? 'OPEN' : 'DONE' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  if (!visit)
    throw new AppError('CONFLICT', {
      message: 'the case has had no follow-up visit: there is no survey to take',
      reason: 'NOT_ALLOWED_IN_STATE',
    });
  const slot = await db.survey.findUnique({
    where: { followUpTaskId: visit.id },
    select: { id: true, submittedAt: true },
  });
  if (slot?.submittedAt) throw alreadySurveyed();
  const token = answers ? null : randomBytes(24).toString('base64url');
  const data = answers
    ? {
        channel: 'CASEWORKER' as const,
        answers,
        score: surveyScore(answers),
        submittedAt: new Date(),
        expiresAt: null,
      }
    : {
        channel: 'RECIPIENT_LINK' as const,
        tokenHash: surveyTokenHash(token!),
        expiresAt: new Date(Date.now() + SURVEY_LINK_DAYS * 86_400_000),
      };
  let id: string;
  if (slot) {
    // A link is out and unanswered: this entry or new link takes its place (the link it replaces no longer opens).
    const taken = await db.survey.updateMany({
      where: { id: slot.id, submittedAt: null },
      data: { ...data, createdById: user.id },
    });
    if (taken.count === 0) throw alreadySurveyed();
    id = slot.id;
  } else {
    id = randomUUID();
    await db.survey
      .create({ data: { id, caseId: row.id, followUpTaskId: visit.id, ...data, createdById: user.id } })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? alreadySurveyed() : error;
      });
  }
  if (answers) return { id, channel: 'CASEWORKER', score: surveyScore(answers) };
  return {
    id,
    channel: 'RECIPIENT_LINK',
    link: `/survey.html#${token}`,
    token: token!,
    expiresAt: data.expiresAt!.toISOString(),
  };
}

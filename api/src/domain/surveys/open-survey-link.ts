import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';
import { alreadySurveyed } from './already-surveyed.ts';
import { surveyTokenHash } from './survey-link.ts';

/**
 * The link's survey, unanswered: a wrong, replaced or expired link is 404; a visit already surveyed
 * (through this link or by the caseworker) is 409.
 */
export async function openSurveyLink({ db, token }: { db: Db; token: string }) {
  const survey = await db.survey.findUnique({
    where: { tokenHash: surveyTokenHash(token) },
    include: { case: { select: { originUnit: { select: { parent: { select: { name: true } } } } } } },
  });
  if (!survey) throw notFound('survey (the link is wrong, or was replaced by a newer one)');
  if (survey.submittedAt) throw alreadySurveyed();
  if (survey.expiresAt && survey.expiresAt < new Date()) throw notFound('survey (the link has expired)');
  return survey;
}

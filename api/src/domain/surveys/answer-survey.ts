import type { Db } from '@guanai/db';
import { alreadySurveyed } from './already-surveyed.ts';
import { openSurveyLink } from './open-survey-link.ts';
import { surveyScore, type TSurveyAnswers } from './survey-answers.ts';

/** The recipient answers the survey of their link, once. */
export async function answerSurvey({
  db,
  token,
  answers,
}: {
  db: Db;
  token: string;
  answers: TSurveyAnswers;
}): Promise<void> {
  const survey = await openSurveyLink({ db, token });
  // The token stays with the answered survey, so that the link answers 409 from now on, not 404.
  const used = await db.survey.updateMany({
    where: { id: survey.id, submittedAt: null, tokenHash: survey.tokenHash },
    data: { answers, score: surveyScore(answers), submittedAt: new Date() },
  });
  if (used.count === 0) throw alreadySurveyed();
}

import { answerSurvey } from '../../domain/surveys/answer-survey.ts';
import { openSurveyLink } from '../../domain/surveys/open-survey-link.ts';
import { SURVEY_QUESTIONS } from '@guanai/workflows/vocabulary';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { answerSurvey as answerSurveyRoute, getSurvey } from './surveys.types.ts';

/** /api/public/surveys/{token}: the recipient's side of a survey link, without signing in. */
export function publicSurveyRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Anyone with the link: what to answer. */
      .openapi(getSurvey, async (c) => {
        const survey = await openSurveyLink({ db, token: c.req.valid('param').token });
        return c.json(
          {
            center: survey.case.originUnit.parent?.name ?? null,
            questions: [...SURVEY_QUESTIONS],
            expiresAt: survey.expiresAt?.toISOString() ?? null,
          },
          200,
        );
      })
      /** Anyone with the link: answers it, once. */
      .openapi(answerSurveyRoute, async (c) => {
        await answerSurvey({ db, token: c.req.valid('param').token, answers: c.req.valid('json') });
        return c.body(null, 204);
      })
  );
}

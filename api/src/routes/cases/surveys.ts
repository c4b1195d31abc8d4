import { createSurvey } from '../../domain/surveys/create-survey.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { createCaseSurvey } from './surveys.types.ts';

/** /api/cases/{id}/surveys: the recipient's satisfaction at the follow-up visit (满意度回访, §四(八)). */
export function caseSurveyRoutes(deps: AppDeps) {
  const { db } = deps;
  /**
   * Caseworkers and supervisors: the caseworker's entry of the recipient's answers, or a one-time
   * link for the recipient (the token shown once). One survey per follow-up visit.
   */
  return createRouter().openapi(createCaseSurvey, async (c) => {
    const created = await createSurvey({
      db,
      user: c.get('user'),
      caseId: c.req.valid('param').id,
      answers: c.req.valid('json').answers,
    });
    return c.json(created, 201);
  });
}

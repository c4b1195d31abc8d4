import { z } from 'zod';
import { ZSurveyAnswersSchema } from '../../domain/surveys/survey-answers.ts';
import { json, route } from '../../openapi/router.ts';

export const ZSurveyCaseParams = z.object({ id: z.uuid() });

export const ZCreateSurveySchema = z.object({ answers: ZSurveyAnswersSchema.optional() }).strict();

export const ZSurveyCreatedSchema = z
  .discriminatedUnion('channel', [
    z.object({
      id: z.uuid(),
      channel: z.literal('CASEWORKER'),
      score: z.number().meta({ description: 'Mean of the three ratings' }),
    }),
    z.object({
      id: z.uuid(),
      channel: z.literal('RECIPIENT_LINK'),
      link: z.string().meta({ description: 'The public survey page, with the token after #' }),
      token: z.string().meta({ description: 'Shown once: only its hash is stored' }),
      expiresAt: z.iso.datetime(),
    }),
  ])
  .meta({
    id: 'SurveyCreated',
    description: '满意度回访 The survey taken by the caseworker, or the link sent to the recipient',
  });

export type TSurveyCreated = z.infer<typeof ZSurveyCreatedSchema>;

export const createCaseSurvey = route({
  method: 'post',
  path: '/{id}/surveys',
  tags: ['cases'],
  summary: '满意度回访 Takes the recipient’s satisfaction survey, or sends a link',
  description:
    'Caseworkers and supervisors, at the follow-up visit (or after it, once the case is closed). With answers: the caseworker’s entry; without: a one-time link for the recipient’s phone (its token is shown once). One survey per visit (§四(八)): an unanswered link is replaced, an answered survey is 409 ALREADY_SURVEYED.',
  request: {
    params: ZSurveyCaseParams,
    body: { required: true, content: { 'application/json': { schema: ZCreateSurveySchema } } },
  },
  responses: { 201: json(ZSurveyCreatedSchema, 'The survey, or the link to send') },
});

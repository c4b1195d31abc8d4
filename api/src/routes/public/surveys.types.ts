import { z } from 'zod';
import { SURVEY_QUESTIONS } from '@guanai/workflows/vocabulary';
import { ZSurveyAnswersSchema } from '../../domain/surveys/survey-answers.ts';
import { json, route } from '../../openapi/router.ts';

export const ZSurveyTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'is not a survey link'),
});

export const ZSurveyFormSchema = z
  .object({
    center: z.string().nullable().meta({ description: 'The township center that served the recipient' }),
    questions: z.array(z.enum(SURVEY_QUESTIONS)),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SurveyForm', description: '满意度回访 What the recipient is asked' });

export type TSurveyForm = z.infer<typeof ZSurveyFormSchema>;

export const getSurvey = route({
  method: 'get',
  path: '/surveys/{token}',
  tags: ['public'],
  summary: '满意度回访 The survey of a link',
  description:
    'The recipient, without signing in. A wrong, replaced or expired link is 404; a visit already surveyed is 409 ALREADY_SURVEYED (§四(八)).',
  request: { params: ZSurveyTokenParams },
  responses: { 200: json(ZSurveyFormSchema, 'What to answer') },
});

export const answerSurvey = route({
  method: 'post',
  path: '/surveys/{token}',
  tags: ['public'],
  summary: '提交满意度回访 The recipient answers the survey, once',
  description: 'Without signing in; once per follow-up visit (§四(八)), then the link answers 409.',
  request: {
    params: ZSurveyTokenParams,
    body: { required: true, content: { 'application/json': { schema: ZSurveyAnswersSchema } } },
  },
  responses: { 204: { description: 'Answered' } },
});

import { z } from 'zod';
import type { SurveyQuestion } from '@guanai/workflows/vocabulary';

const Score = z.number().int().min(1).max(5);

/** 满意度回访 (§四(八)): three ratings 1–5 and an optional comment. */
export const ZSurveyAnswersSchema = z
  .object({
    ...({ satisfaction: Score, timeliness: Score, respect: Score } satisfies Record<SurveyQuestion, typeof Score>),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();

export type TSurveyAnswers = z.infer<typeof ZSurveyAnswersSchema>;

/** A survey's score: the mean of its three ratings, to two decimals. */
export const surveyScore = (a: TSurveyAnswers) =>
  Math.round(((a.satisfaction + a.timeliness + a.respect) / 3) * 100) / 100;

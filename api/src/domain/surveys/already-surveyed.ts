import { AppError } from '../../errors/app-error.ts';

/** §四(八): one survey per follow-up visit, whoever records it (the caseworker, or the recipient through the link). */
export const alreadySurveyed = () =>
  new AppError('CONFLICT', {
    message:
      'this follow-up visit already has its satisfaction survey (one per visit, by the caseworker or through the link)',
    reason: 'ALREADY_SURVEYED',
  });

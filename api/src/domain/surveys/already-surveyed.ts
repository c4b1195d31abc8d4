import { AppError } from '../../errors/app-error.ts';

/** §四(八): one survey per follow-up visit, whoever records it (the caseworker, or the recipient through the link). */
export const alreadySurveyed = () =>
  new AppError('CONFLICT', {
    message:
      'this follow-up visit already has its satisfaction survey (one per visit, by the caseworker or through the link)',
    reason: 'ALREADY_SURVEYED',
  });

/** The unique constraint on the visit's survey slot (followUpTaskId), taken by a concurrent survey. */
export const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String((error as Error)?.message));

import type { Db } from '@guanai/db';
import type { RateLimiter } from '../../auth/rate-limiter.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TPublicApplicationStatus } from '../../routes/public/applications.types.ts';
import { normaliseReference, REFERENCE_PATTERN } from './application-reference.ts';

/**
 * An application's outcome for whoever holds its reference number (the applicant, on the public
 * page): the status, when it was decided and a decline's reason — nothing that says who applied, from
 * where, or about which case. Look-ups that find nothing count against the client address, so that
 * reference numbers cannot be tried one after another.
 */
export async function readApplicationStatus({
  db,
  limiter,
  address,
  reference: typed,
  onRateLimited,
}: {
  db: Db;
  limiter: RateLimiter;
  address: string;
  reference: string;
  onRateLimited: (retryAfterSeconds: number) => void;
}): Promise<TPublicApplicationStatus> {
  const wait = await limiter.wait(address);
  if (wait > 0) {
    onRateLimited(wait);
    throw new AppError('RATE_LIMITED', {
      message: `too many unknown reference numbers from this address; try again in ${Math.ceil(wait / 60)} minutes`,
      reason: 'LOOKUP_RATE_LIMITED',
    });
  }
  const reference = normaliseReference(typed);
  if (!REFERENCE_PATTERN.test(reference))
    throw new AppError('VALIDATION', {
      message: 'is not a reference number (SQ- and ten letters and digits, e.g. SQ-7K3M9Q2XHP)',
      field: 'reference',
    });
  const row = await db.application.findUnique({
    where: { reference },
    select: {
      reference: true,
      status: true,
      submittedAt: true,
      decidedAt: true,
      declineReason: true,
      case: { select: { id: true } },
    },
  });
  if (!row) {
    await limiter.hit(address);
    throw notFound('application');
  }
  return {
    reference: row.reference,
    status: row.case ? 'ACCEPTED' : row.status,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    declineReason: row.declineReason,
  };
}

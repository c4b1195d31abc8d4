import { derivedKey } from '../../auth/derived-key.ts';
import { createRateLimiter } from '../../auth/rate-limiter.ts';
import { DEFAULT_APPLICATION_SETTINGS } from '../../domain/applications/application-settings.ts';
import { createProofOfWork } from '../../domain/applications/proof-of-work.ts';
import { readApplicationStatus } from '../../domain/applications/read-application-status.ts';
import { purgeSpentChallenges } from '../../domain/applications/spend-challenge.ts';
import { submitApplication } from '../../domain/applications/submit-application.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { clientAddress } from '../../request/client-address.ts';
import {
  getApplicationChallenge,
  getApplicationStatus,
  submitApplication as submitApplicationRoute,
} from './applications.types.ts';

/**
 * /api/public/applications: the online self-application (§四(一) 个人申请) from the applicant's side,
 * without an account: a proof of work to answer, the application, and its outcome by reference number.
 */
export function publicApplicationRoutes(deps: AppDeps) {
  const { db, keys } = deps;
  const settings = { ...DEFAULT_APPLICATION_SETTINGS, ...deps.applications };
  // Keys of their own, derived when first needed (building the app needs no secret).
  let challengeKey: Buffer | undefined;
  let addressKey: Buffer | undefined;
  const proofOfWork = createProofOfWork({
    secret: () => (challengeKey ??= derivedKey(keys, 'application-challenge')),
    bits: settings.challengeBits,
    ttlMs: settings.challengeTtlMs,
  });
  const addressSecret = () => (addressKey ??= derivedKey(keys, 'rate-limit-address'));
  const submissions = createRateLimiter(db, 'application-submit', settings.submissions, { secret: addressSecret });
  const lookups = createRateLimiter(db, 'application-lookup', settings.lookups, { secret: addressSecret });
  let lastPurge = 0;
  const purgeNowAndThen = () => {
    if (Date.now() - lastPurge < 60_000) return;
    lastPurge = Date.now();
    purgeSpentChallenges(db).catch((err: unknown) => deps.logger.warn({ err }, 'purging spent challenges failed'));
  };

  return (
    createRouter()
      /** Anyone: a challenge to answer with an application. */
      .openapi(getApplicationChallenge, (c) => c.json(proofOfWork.issue(), 200))
      /** Anyone: applies; rate-limited per client address. */
      .openapi(submitApplicationRoute, async (c) => {
        purgeNowAndThen();
        const receipt = await submitApplication({
          db,
          keys,
          proofOfWork,
          limiter: submissions,
          address: clientAddress(c, deps.trustedProxies),
          input: c.req.valid('json'),
          onRateLimited: (wait) => c.header('Retry-After', String(wait)),
        });
        return c.json(receipt, 201);
      })
      /** Anyone with the reference number: the outcome; unknown numbers are rate-limited per address. */
      .openapi(getApplicationStatus, async (c) => {
        const status = await readApplicationStatus({
          db,
          limiter: lookups,
          address: clientAddress(c, deps.trustedProxies),
          reference: c.req.valid('param').reference,
          onRateLimited: (wait) => c.header('Retry-After', String(wait)),
        });
        return c.json(status, 200);
      })
  );
}

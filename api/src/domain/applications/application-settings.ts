import type { RateLimit } from '../../auth/rate-limiter.ts';

/** The public self-application's protections (§四(一) 个人申请); tests lower them through AppDeps. */
export interface ApplicationSettings {
  /** Leading zero bits the proof of work asks for (each one doubles the client's work). */
  challengeBits?: number;
  /** How long a challenge may be answered. */
  challengeTtlMs?: number;
  /** Applications per client address. */
  submissions?: RateLimit;
  /** Status look-ups per client address that find nothing (guessing reference numbers). */
  lookups?: RateLimit;
}

export const DEFAULT_APPLICATION_SETTINGS: Required<ApplicationSettings> = {
  challengeBits: 16,
  challengeTtlMs: 10 * 60_000,
  submissions: { limit: 5, windowMs: 3_600_000 },
  lookups: { limit: 20, windowMs: 3_600_000 },
};

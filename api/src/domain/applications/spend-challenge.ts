import type { Db } from '@guanai/db';

/**
 * Spends a challenge (each token is accepted once): false when it was spent before. Written in the
 * request's transaction, with the application it admits; a concurrent request spending the same nonce
 * waits on the key and then finds it spent. Spent nonces are kept until their token expires.
 */
export async function spendChallenge(db: Db, { nonce, expiresAt }: { nonce: string; expiresAt: Date }) {
  const spent = await db.$executeRaw`
    INSERT INTO application_challenge_use (nonce, expires_at) VALUES (${nonce}, ${expiresAt})
    ON CONFLICT (nonce) DO NOTHING`;
  return spent === 1;
}

/** Forgets spent nonces whose tokens have expired (they could not be answered again anyway). */
export async function purgeSpentChallenges(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM application_challenge_use WHERE expires_at < now()`;
}

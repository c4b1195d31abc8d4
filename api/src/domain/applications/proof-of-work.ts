import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldError } from '../../errors/app-error.ts';

/** What a client is asked to solve: SHA-256 of `${nonce}:${solution}` must start with `bits` zero bits. */
export interface Challenge {
  token: string;
  nonce: string;
  bits: number;
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether `solution` solves the challenge of `nonce` at `bits`. */
export const solves = (nonce: string, bits: number, solution: number): boolean =>
  leadingZeroBits(createHash('sha256').update(`${nonce}:${solution}`).digest()) >= bits;

/**
 * The proof of work that stands in for a one-time code on the public application (§四(一) 个人申请):
 * a challenge costs the client about 2^bits hashes and the API one HMAC to check. The token is the
 * API's signed statement of the nonce, the difficulty and the expiry, so that any replica checks it
 * without storing anything until it is spent (each is accepted once: spend-challenge.ts).
 */
export function createProofOfWork({ secret, bits, ttlMs }: { secret: () => Buffer; bits: number; ttlMs: number }) {
  const sign = (statement: string) => createHmac('sha256', secret()).update(statement).digest('base64url');
  return {
    issue(now = Date.now()): Challenge {
      const nonce = randomBytes(16).toString('base64url');
      const statement = `${nonce}.${bits}.${Math.floor((now + ttlMs) / 1000)}`;
      return { token: `${statement}.${sign(statement)}`, nonce, bits };
    },
    /**
     * The challenge's nonce and expiry when the token is one this API issued, unexpired, and the
     * solution solves it; else the fields in error and why.
     */
    check(
      { token, solution }: { token: string; solution: number },
      now = Date.now(),
    ): { nonce: string; expiresAt: Date } | { errors: FieldError[] } {
      const [nonce, bitsText, expiresText, mac] = token.split('.');
      const statement = `${nonce}.${bitsText}.${expiresText}`;
      const expected = Buffer.from(sign(statement));
      const given = Buffer.from(mac ?? '');
      if (!nonce || !mac || given.length !== expected.length || !timingSafeEqual(given, expected))
        return {
          errors: [{ field: 'challenge.token', reason: 'is not a challenge this service gave; ask for a new one' }],
        };
      const expiresAt = new Date(Number(expiresText) * 1000);
      if (expiresAt.getTime() <= now)
        return { errors: [{ field: 'challenge.token', reason: 'has expired; ask for a new challenge' }] };
      if (!solves(nonce, Number(bitsText), solution))
        return { errors: [{ field: 'challenge.solution', reason: 'does not solve the challenge' }] };
      return { nonce, expiresAt };
    },
  };
}

export type ProofOfWork = ReturnType<typeof createProofOfWork>;

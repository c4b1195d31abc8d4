import { hkdfSync } from 'node:crypto';
import type { IdentityKeys } from '@guanai/db';

/**
 * A key of its own for one purpose (signing challenges, hashing client addresses), derived from the
 * API's look-up key (itself derived from GUANAI_SECRET), so that no purpose shares a key with another.
 */
export const derivedKey = (keys: IdentityKeys, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', keys.lookup, 'guanai', purpose, 32));

import { createHash } from 'node:crypto';

/**
 * A uuid derived from its parts (a user and their idempotency key, an import and a row), so that a
 * retried or resumed request names the same rows.
 */
export function derivedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

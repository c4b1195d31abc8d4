import { randomBytes } from 'node:crypto';

/** Crockford's base-32 alphabet: no I, L, O or U, so a reference read over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** SQ- and ten characters of that alphabet: 50 random bits, never guessed in a lifetime of look-ups. */
export const REFERENCE_PATTERN = /^SQ-[0-9A-HJKMNP-TV-Z]{10}$/;

/** A new reference number (申请编号), e.g. SQ-7K3M9Q2XHP. */
export function newReference(): string {
  const bytes = randomBytes(10);
  return `SQ-${[...bytes].map((byte) => ALPHABET[byte & 31]).join('')}`;
}

/**
 * A reference as a person types it: any case, spaces or dashes anywhere, and the letters Crockford's
 * alphabet reads as digits (O as 0, I and L as 1).
 */
export function normaliseReference(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('SQ') ? compact.slice(2) : compact;
  return `SQ-${body.replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { IdType } from '../generated/client/enums.ts';

/** GB 11643-1999 check digit of an 18-character resident identity number (公民身份号码). */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17];
}

/** 5101**********1234: the region prefix and the last four, nothing else; shorter documents show less. */
export function maskIdNumber(value: string): string {
  if (value.length >= 15) return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
  if (value.length <= 4) return '*'.repeat(value.length);
  return value.slice(0, 1) + '*'.repeat(value.length - 3) + value.slice(-2);
}

/** 张*明: a name masked for anyone who should not know who it is (first and last character kept). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars.at(-1);
}

/** 138****0001 */
export const maskPhone = (phone: string) =>
  phone.length > 7 ? phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4) : '*'.repeat(phone.length);

/** Identity documents: the resident identity number, or another one for people without it (the schema's IdType). */
export type IdDocumentType = IdType;

export interface IdentityKeys {
  encryption: Buffer;
  lookup: Buffer;
}

/** Derives the AES-256-GCM key and the HMAC look-up key from one secret (GUANAI_SECRET). */
export function identityKeys(secret = process.env.GUANAI_SECRET): IdentityKeys {
  if (!secret || secret.length < 32) {
    throw new Error('GUANAI_SECRET must be set to at least 32 characters (npm start creates one under .data/)');
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'guanai', info, 32));
  return { encryption: derive('id-number-encryption'), lookup: derive('id-number-lookup') };
}

/**
 * Keyed hash for duplicate look-up; equal documents give equal hashes, nothing can be read back.
 * A resident identity number is hashed alone, any other document with its type.
 */
export function hashIdNumber(value: string, keys: IdentityKeys, type: IdDocumentType = 'RESIDENT_ID'): string {
  const input = type === 'RESIDENT_ID' ? value.toUpperCase() : `${type}:${value.toUpperCase()}`;
  return createHmac('sha256', keys.lookup).update(input).digest('hex');
}

/** AES-256-GCM; the stored form is v1.<iv>.<tag>.<ciphertext>, base64url. */
export function encryptIdNumber(value: string, keys: IdentityKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptIdNumber(stored: string, keys: IdentityKeys): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('unknown identity-number format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** The stored columns for an identity document. */
export function protectIdNumber(value: string, keys: IdentityKeys, type: IdDocumentType = 'RESIDENT_ID') {
  return {
    idType: type,
    idNumberEnc: encryptIdNumber(value, keys),
    idNumberHash: hashIdNumber(value, keys, type),
    idNumberMasked: maskIdNumber(value),
  };
}

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** GB 11643-1999 check digit of an 18-character resident identity number (公民身份号码). */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17];
}

/** 5101**********1234: the region prefix and the last four, nothing else. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

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

/** Keyed hash for duplicate look-up; equal numbers give equal hashes, nothing can be read back. */
export function hashIdNumber(value: string, keys: IdentityKeys): string {
  return createHmac('sha256', keys.lookup).update(value.toUpperCase()).digest('hex');
}

/** AES-256-GCM; the stored form is v1.<iv>.<tag>.<ciphertext>, base64url. */
export function encryptIdNumber(value: string, keys: IdentityKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function decryptIdNumber(stored: string, keys: IdentityKeys): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('unknown identity-number format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** The three stored columns for an identity number. */
export function protectIdNumber(value: string, keys: IdentityKeys) {
  return {
    idNumberEnc: encryptIdNumber(value, keys),
    idNumberHash: hashIdNumber(value, keys),
    idNumberMasked: maskIdNumber(value),
  };
}

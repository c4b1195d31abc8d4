import { describe, expect, it } from 'vitest';
import {
  decryptIdNumber,
  encryptIdNumber,
  hashIdNumber,
  identityKeys,
  isValidIdNumber,
  maskIdNumber,
  protectIdNumber,
} from './identity.ts';

const keys = identityKeys('a-test-secret-that-is-long-enough-0123456789');

describe('identity numbers', () => {
  it('validates the GB 11643 check digit, including X', () => {
    expect(isValidIdNumber('510104195001010010')).toBe(true);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('510104195001010011')).toBe(false);
    expect(isValidIdNumber('51010419500101001')).toBe(false);
  });

  it('masks all but the region prefix and the last four', () => {
    expect(maskIdNumber('510104195001010010')).toBe('5101**********0010');
  });

  it('encrypts with AES-GCM: each ciphertext differs, decrypts back, and a tampered one is refused', () => {
    const a = encryptIdNumber('510104195001010010', keys);
    const b = encryptIdNumber('510104195001010010', keys);
    expect(a).not.toBe(b);
    expect(a).not.toContain('510104195001010010');
    expect(decryptIdNumber(a, keys)).toBe('510104195001010010');
    const [v, iv, tag, ct] = a.split('.');
    // Change one character of the ciphertext (to a different one, whatever it was).
    const flipped = `${v}.${iv}.${tag}.${ct!.slice(0, -2)}${ct!.at(-2) === 'A' ? 'B' : 'A'}${ct!.slice(-1)}`;
    expect(() => decryptIdNumber(flipped, keys)).toThrow();
    expect(() => decryptIdNumber(a, identityKeys('another-secret-that-is-long-enough-0123456789'))).toThrow();
  });

  it('looks up by a keyed hash that depends on the key', () => {
    expect(hashIdNumber('510104195001010010', keys)).toBe(protectIdNumber('510104195001010010', keys).idNumberHash);
    expect(hashIdNumber('510104195001010010', identityKeys('another-secret-that-is-long-enough-0123456789'))).not.toBe(
      hashIdNumber('510104195001010010', keys),
    );
  });

  it('refuses to run without a long enough secret', () => {
    expect(() => identityKeys('short')).toThrow(/GUANAI_SECRET/);
  });
});

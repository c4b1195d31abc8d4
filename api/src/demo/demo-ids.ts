import { createHash } from 'node:crypto';

/**
 * A uuid that is always the same for the same parts (`demoId('case', 17)`): the loader's ids and
 * idempotency keys, so that a retried step finds what its first attempt made instead of doubling it.
 */
export function demoId(...parts: (string | number)[]): string {
  const hex = createHash('sha256')
    .update(['guanai-demo', ...parts].join(':'))
    .digest('hex');
  // Version 4 and variant bits set, so the id passes every uuid check the API makes.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

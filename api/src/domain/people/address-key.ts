/** An address reduced for comparison: full-width to half-width, no spaces or punctuation. */
export function addressKey(address: string | null | undefined): string | null {
  const key = (address ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return key.length >= 4 ? key : null;
}

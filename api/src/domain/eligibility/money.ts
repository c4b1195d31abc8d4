/**
 * Money as integer fen (分), so that a comparison at the boundary has no float rounding: yuan come
 * in as decimal strings (Prisma's Decimal#toFixed(2), or the API's validated numbers) and leave
 * formatted as ¥1,180.00.
 */

/** "2100", "2100.5", "2100.50" → 210050 fen (a stored negative stays negative); three decimals or not a number throws. */
export function fenOf(yuan: string | number): number {
  const text = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not an amount in yuan: ${text}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** 118000 → "¥1,180.00"; -500 → "-¥5.00". */
export function formatFen(fen: number): string {
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

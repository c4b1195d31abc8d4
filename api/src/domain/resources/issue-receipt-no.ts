import type { Prisma } from '@guanai/db';
import { beijingDate } from '../beijing-date.ts';

/**
 * 捐赠收据号: the next receipt number of the year, e.g. JZ2026-000001. Taken from the year's counter row
 * inside the donation's own transaction: the row stays locked until it commits, and a donation that
 * rolls back gives its number back, so the numbers of a year run without gaps.
 */
export async function issueReceiptNo(tx: Prisma.TransactionClient, at: Date = new Date()): Promise<string> {
  const year = Number(beijingDate(at).slice(0, 4)); // the Beijing-time year
  const [row] = await tx.$queryRaw<{ last_no: number }[]>`
    INSERT INTO donation_receipt_counter (year, last_no) VALUES (${year}::int, 1)
    ON CONFLICT (year) DO UPDATE SET last_no = donation_receipt_counter.last_no + 1
    RETURNING last_no`;
  return `JZ${year}-${String(row!.last_no).padStart(6, '0')}`;
}

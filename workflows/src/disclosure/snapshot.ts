import { createHash } from 'node:crypto';
import { maskName } from '@guanai/db';
import type { DeliveryKind, DonationKind } from '../vocabulary.ts';

/** A delivery as disclosure reads it from the ledger (one row per delivery). */
export interface LedgerRow {
  recipientName: string;
  /** The recipient, for counting people (never published). */
  personId: string;
  township: string;
  category: string;
  resourceId: string;
  resource: string;
  kind: DeliveryKind;
  amount: number | null;
  hours: number | null;
  quantity: number | null;
  /** YYYY-MM-DD */
  deliveredOn: string;
}

/** What the public sees of one delivery: the name masked, the township, never more. */
export interface DisclosedRow {
  recipient: string;
  township: string;
  category: string;
  resource: string;
  kind: string;
  amount: number | null;
  hours: number | null;
  quantity: number | null;
  month: string;
}

/** Per project (resource): raised, disbursed, balance and people helped, as of the period's end. */
export interface ProjectFigures {
  resourceId: string;
  name: string;
  raised: number;
  disbursed: number;
  balance: number;
  /** People helped; null when fewer than the threshold (published as "fewer than N"). */
  helped: number | null;
}

/**
 * A refund (退款) or reversal (冲正) of a donation, recorded in the month: the ledger is corrected by a
 * new entry, never an edit, and the month it was recorded in says so. No donor, no recipient.
 */
export interface Correction {
  /** The campaign's name. */
  campaign: string;
  /** The receipt number of the donation corrected. */
  receiptNo: string;
  kind: Exclude<DonationKind, 'DONATION'>;
  /** Signed, as in the ledger ("-100.00"). */
  amount: string;
  reason: string;
  /** YYYY-MM-DD, the day it was recorded. */
  date: string;
}

export interface SnapshotContent {
  rows: DisclosedRow[];
  projects: ProjectFigures[];
  suppressed: number;
  threshold: number;
  /** Only when the month has any, so a month without them publishes (and hashes) as it always did. */
  corrections?: Correction[];
}

/**
 * The month's disclosure: every delivery as a masked row, except where a township had fewer than
 * `threshold` recipients that month in that need category — those rows are withheld and counted, so
 * that no one in a small group can be picked out. Sorted, so the same ledger gives the same snapshot.
 */
export function discloseMonth(
  period: string,
  ledger: LedgerRow[],
  projects: ProjectFigures[],
  threshold: number,
  corrections: Correction[] = [],
): SnapshotContent {
  const inMonth = ledger.filter((row) => row.deliveredOn.startsWith(period));
  const inMonthCorrections = corrections
    .filter((c) => c.date.startsWith(period))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const recipients = new Map<string, Set<string>>();
  for (const row of inMonth) {
    const cell = `${row.township}|${row.category}`;
    recipients.set(cell, (recipients.get(cell) ?? new Set()).add(row.personId));
  }
  const shown = inMonth.filter((row) => recipients.get(`${row.township}|${row.category}`)!.size >= threshold);
  const rows = shown
    .map((row) => ({
      recipient: maskName(row.recipientName),
      township: row.township,
      category: row.category,
      resource: row.resource,
      kind: row.kind,
      amount: row.amount,
      hours: row.hours,
      quantity: row.quantity,
      month: period,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  // A project that helped fewer people than the threshold says so without the number (see the small-group rule).
  const figures = projects.map((p) =>
    p.helped !== null && p.helped > 0 && p.helped < threshold ? { ...p, helped: null } : p,
  );
  return {
    rows,
    projects: figures.sort((a, b) => a.resourceId.localeCompare(b.resourceId)),
    suppressed: inMonth.length - shown.length,
    threshold,
    ...(inMonthCorrections.length ? { corrections: inMonthCorrections } : {}),
  };
}

/** JSON with object keys sorted, so a snapshot read back from JSONB compares and hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash a snapshot is chained by: of the previous hash and this content (verifiable from the stored row). */
export function snapshotHash(
  prevHash: string | null,
  period: string,
  version: number,
  content: SnapshotContent,
): string {
  return createHash('sha256')
    .update(canonicalJson([prevHash, period, version, content]))
    .digest('hex');
}

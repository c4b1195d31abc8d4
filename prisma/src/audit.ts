import { createHash } from 'node:crypto';
import type { Db } from './client.ts';
import type { Prisma } from '../generated/client/client.ts';

/** An audit entry before it is chained. */
export interface AuditInput {
  actorId: string | null;
  action: string;
  target: string;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK_ID = 7_202_617;

/** Canonical JSON (sorted keys), so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What an entry's hash covers besides the previous hash: its fields as canonical JSON. */
function entryBody(entry: {
  at: Date;
  actorId: string | null;
  action: string;
  target: string;
  reason: string | null;
  detail: unknown;
}): string {
  return canonical({
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    reason: entry.reason,
    detail: entry.detail,
  });
}

export function entryHash(
  prevHash: string,
  entry: { at: Date; actorId: string | null; action: string; target: string; reason: string | null; detail: unknown },
): string {
  return createHash('sha256').update(prevHash).update('\n').update(entryBody(entry)).digest('hex');
}

/**
 * Appends one entry, chained to the last, in one statement: `audit_append` (migration
 * 20261201020000_audit_append) takes the chain's advisory lock, reads the last hash and inserts the
 * entry with sha256(previous hash, newline, this body) — the hash `entryHash` computes, which
 * `verifyAuditChain` checks.
 */
export async function appendAudit(db: Db | Prisma.TransactionClient, input: AuditInput): Promise<void> {
  // The detail as the database will keep it (JSON drops undefined), so that the verifier, reading it back, hashes the same.
  const detail: unknown = JSON.parse(JSON.stringify(input.detail ?? {}));
  const entry = {
    at: new Date(),
    actorId: input.actorId,
    action: input.action,
    target: input.target,
    reason: input.reason ?? null,
    detail,
  };
  await db.$executeRaw`SELECT audit_append(${entry.at}::timestamptz, ${entry.actorId}::uuid, ${entry.action}, ${entry.target}, ${entry.reason},
                                           ${JSON.stringify(entry.detail)}::jsonb, ${entryBody(entry)}, ${AUDIT_LOCK_ID}::bigint)`;
}

export type AuditVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: bigint; reason: string };

/** Walks the chain from the start; names the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, { batch = 1000 } = {}): Promise<AuditVerdict> {
  let prevHash = GENESIS;
  let after = -1n;
  let entries = 0;
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: batch });
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return {
          ok: false,
          entries,
          brokenAt: row.id,
          reason: 'its link to the previous entry does not match (an entry before it was changed or removed)',
        };
      const expected = entryHash(prevHash, {
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        target: row.target,
        reason: row.reason,
        detail: row.detail,
      });
      if (row.hash !== expected)
        return {
          ok: false,
          entries,
          brokenAt: row.id,
          reason: 'its content does not match its hash (the entry was changed)',
        };
      prevHash = row.hash;
      after = row.id;
      entries += 1;
    }
    if (rows.length < batch) return { ok: true, entries };
  }
}

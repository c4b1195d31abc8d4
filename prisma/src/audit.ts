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
    return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function entryHash(prevHash: string, entry: { at: Date; actorId: string | null; action: string; target: string; reason: string | null; detail: unknown }): string {
  const body = canonical({ at: entry.at.toISOString(), actorId: entry.actorId, action: entry.action, target: entry.target, reason: entry.reason, detail: entry.detail });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry, chained to the last; appends are serialised by an advisory lock. */
export async function appendAudit(db: Db | Prisma.TransactionClient, input: AuditInput): Promise<void> {
  // Inside a caller's transaction the entry commits (or not) with the caller's writes.
  const append = async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_ID})`;
    const last = await tx.auditEntry.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
    const prevHash = last?.hash ?? GENESIS;
    const at = new Date();
    const entry = { at, actorId: input.actorId, action: input.action, target: input.target, reason: input.reason ?? null, detail: input.detail ?? {} };
    await tx.auditEntry.create({ data: { ...entry, detail: entry.detail as object, prevHash, hash: entryHash(prevHash, entry) } });
  };
  await ('$transaction' in db ? db.$transaction(append) : append(db));
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: bigint; reason: string };

/** Walks the chain from the start; names the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, { batch = 1000 } = {}): Promise<AuditVerdict> {
  let prevHash = GENESIS;
  let after = -1n;
  let entries = 0;
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: batch });
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, entries, brokenAt: row.id, reason: 'its link to the previous entry does not match (an entry before it was changed or removed)' };
      const expected = entryHash(prevHash, { at: row.at, actorId: row.actorId, action: row.action, target: row.target, reason: row.reason, detail: row.detail });
      if (row.hash !== expected) return { ok: false, entries, brokenAt: row.id, reason: 'its content does not match its hash (the entry was changed)' };
      prevHash = row.hash;
      after = row.id;
      entries += 1;
    }
    if (rows.length < batch) return { ok: true, entries };
  }
}

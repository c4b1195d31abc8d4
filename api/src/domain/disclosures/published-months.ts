import type { Db } from '@guanai/db';
import type { SnapshotKind } from '@guanai/workflows/vocabulary';
import type { TDisclosurePeriod } from '../../routes/public/disclosures.types.ts';

/** Every published month with its versions, newest month first (corrections appear as versions, never as edits). */
export async function publishedMonths({ db }: { db: Db }): Promise<TDisclosurePeriod[]> {
  const rows = await db.disclosureSnapshot.findMany({
    select: { period: true, version: true, kind: true, publishedAt: true, suppressed: true },
    orderBy: [{ period: 'desc' }, { version: 'asc' }],
  });
  const periods = new Map<string, TDisclosurePeriod>();
  for (const r of rows) {
    const entry = periods.get(r.period) ?? { period: r.period, versions: [] };
    entry.versions.push({ version: r.version, kind: r.kind as SnapshotKind, publishedAt: r.publishedAt.toISOString() });
    periods.set(r.period, entry);
  }
  return [...periods.values()];
}

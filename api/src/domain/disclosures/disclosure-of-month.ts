import type { Db } from '@guanai/db';
import type { TDisclosure } from '../../routes/public/disclosures.types.ts';
import { findSnapshot } from './find-snapshot.ts';

/** One month: the latest version (or the one asked for) in full, and the list of its versions. */
export async function disclosureOfMonth({
  db,
  period,
  version,
}: {
  db: Db;
  period: string;
  version?: number | undefined;
}): Promise<TDisclosure> {
  const snapshot = await findSnapshot({ db, period, version });
  const versions = await db.disclosureSnapshot.findMany({
    where: { period },
    select: { version: true, kind: true, reason: true, publishedAt: true, hash: true, prevHash: true },
    orderBy: { version: 'asc' },
  });
  return {
    period,
    version: snapshot.version,
    kind: snapshot.kind,
    reason: snapshot.reason,
    publishedAt: snapshot.publishedAt.toISOString(),
    hash: snapshot.hash,
    threshold: snapshot.threshold,
    suppressed: snapshot.suppressed,
    rows: snapshot.rows as unknown as TDisclosure['rows'],
    projects: snapshot.projects as unknown as TDisclosure['projects'],
    ...(snapshot.corrections === null
      ? {}
      : { corrections: snapshot.corrections as unknown as NonNullable<TDisclosure['corrections']> }),
    versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  };
}

import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';

/** A month's published snapshot: the latest version, or the one asked for; else 404. */
export async function findSnapshot({ db, period, version }: { db: Db; period: string; version?: number | undefined }) {
  const row = await db.disclosureSnapshot.findFirst({
    where: { period, ...(version ? { version } : {}) },
    orderBy: { version: 'desc' },
  });
  if (!row) throw notFound(`disclosure ${period}${version ? ` version ${version}` : ''}`);
  return row;
}

import type { Db } from '@guanai/db';
import { caseInclude, toCaseDto } from '../domain/cases/case-dto.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * A case's version is the sequence number of its last event: every case read carries it (`version`,
 * and `ETag: "<version>"` on the case itself), and an action made on that version (a phone's offline
 * action) sends it back as `If-Match`. The workflow refuses an action on a case that has moved since.
 */
export const etagOf = (version: number) => `"${version}"`;

export const IF_MATCH = /^(?:W\/)?"(\d{1,9})"$/;

/** The version an If-Match header names (validated by the routes' ZIfMatchHeaders), or undefined. */
export function versionOf(ifMatch: string | undefined): number | undefined {
  const match = ifMatch ? IF_MATCH.exec(ifMatch) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Runs the case Update; when the workflow refuses it as made on a stale version, answers the 412 with
 * the case as it is now, so that the caller can show what changed and decide again.
 */
export async function withCurrentOnStale<T>(db: Db, caseId: string, act: () => Promise<T>): Promise<T> {
  try {
    return await act();
  } catch (error) {
    if (!(error instanceof AppError) || error.reason !== 'STALE_VERSION') throw error;
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: caseInclude });
    throw new AppError('PRECONDITION_FAILED', {
      message: error.message,
      field: 'If-Match',
      reason: 'STALE_VERSION',
      extra: { current: toCaseDto(row) },
    });
  }
}

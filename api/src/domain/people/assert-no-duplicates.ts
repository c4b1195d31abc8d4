import { AppError } from '../../errors/app-error.ts';
import type { Duplicate } from './find-duplicates.ts';

/** 409 for duplicates: a same-document match cannot be overridden; the others can, once seen. */
export function assertNoDuplicates(duplicates: Duplicate[], confirmNotDuplicate: boolean, field = 'idNumber') {
  const same = duplicates.filter((d) => d.match === 'ID_NUMBER');
  if (same.length > 0) {
    throw new AppError('CONFLICT', {
      message: `this identity document is already in the registry (${same[0]!.name}, ${same[0]!.communityName}); use that record`,
      field,
      reason: 'DUPLICATE_PERSON',
      extra: { duplicates: same },
    });
  }
  if (duplicates.length > 0 && !confirmNotDuplicate) {
    throw new AppError('CONFLICT', {
      message: `${duplicates.length} registry record(s) may be the same person; check them, or confirm that this is someone else (confirmNotDuplicate)`,
      reason: 'POSSIBLE_DUPLICATE',
      extra: { duplicates },
    });
  }
}

import { protectIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPersonRecord, TUpdatePerson } from '../../routes/people/people.types.ts';
import { addressKey } from './address-key.ts';
import { assertNoDuplicates } from './assert-no-duplicates.ts';
import { findDuplicates } from './find-duplicates.ts';
import { findVisiblePerson } from './find-visible-person.ts';
import { personInclude, toPersonDto } from './person-dto.ts';

/**
 * Corrects a person's own fields (never the unit, household, owner or hashes). A new document number
 * must not be another record's; a merged record is not edited (the kept one is).
 */
export async function updatePerson({
  db,
  keys,
  user,
  id,
  changes,
}: {
  db: Db;
  keys: IdentityKeys;
  user: SessionUser;
  id: string;
  changes: TUpdatePerson;
}): Promise<TPersonRecord> {
  const row = await findVisiblePerson(db, user, id);
  if (row.mergedIntoId)
    throw new AppError('CONFLICT', { message: 'this record was merged; edit the kept one', reason: 'MERGED' });
  const { idNumber, idType, phone, address, birthDate, ...rest } = changes;
  let document = {};
  if (idNumber) {
    const type = idType ?? row.idType ?? 'RESIDENT_ID';
    assertNoDuplicates(
      await findDuplicates(db, keys, user, { name: rest.name ?? row.name, idType: type, idNumber }, row.id),
      true,
    );
    document = protectIdNumber(idNumber, keys, type);
  } else if (idType && idType !== row.idType) {
    throw new AppError('VALIDATION', {
      message: 'give the document number with a new document type',
      field: 'idNumber',
    });
  }
  const updated = await db.person.update({
    where: { id: row.id },
    data: {
      ...rest,
      ...document,
      ...(phone !== undefined ? { phone: phone || null } : {}),
      ...(address !== undefined ? { address: address || null, addressKey: addressKey(address) } : {}),
      ...(birthDate ? { birthDate: new Date(`${birthDate}T00:00:00Z`) } : {}),
    },
    include: personInclude,
  });
  return toPersonDto(updated);
}

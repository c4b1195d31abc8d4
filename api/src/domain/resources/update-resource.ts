import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TUpdateResource } from '../../routes/resources/resources.types.ts';
import { asDate } from './as-date.ts';
import { assertKeepsResource } from './assert-keeps-resource.ts';
import { checkBeneficiary } from './check-beneficiary.ts';
import { checkResourceRefs } from './check-resource-refs.ts';
import { resourceInclude } from './resource-dto.ts';
import { findVisibleResource } from './visible-resources.ts';

/** Corrects a resource the user keeps; its capacity and budget may not drop below what is reserved. */
export async function updateResource({
  db,
  user,
  id,
  body,
}: {
  db: Db;
  user: SessionUser;
  id: string;
  body: TUpdateResource;
}) {
  const row = await findVisibleResource({ db, user, id });
  assertKeepsResource(user, row);
  await checkResourceRefs({ db, user, body });
  // The rule holds for the campaign as corrected: what the request sets over what is stored.
  const keep = <T>(value: T | undefined, stored: T) => (value === undefined ? stored : value);
  await checkBeneficiary({
    db,
    user,
    b: {
      kind: row.kind,
      campaignType: keep(body.campaignType, row.campaignType),
      beneficiaryCaseId: keep(body.beneficiaryCaseId, row.beneficiaryCaseId),
      beneficiaryCategory: keep(body.beneficiaryCategory, row.beneficiaryCategory),
      beneficiaryTownshipId: keep(body.beneficiaryTownshipId, row.beneficiaryTownshipId),
    },
  });
  if (body.capacity !== undefined && body.capacity !== null && body.capacity < row.reservedPlaces) {
    throw new AppError('CONFLICT', {
      message: `${row.reservedPlaces} places are already reserved`,
      field: 'capacity',
      reason: 'BELOW_RESERVED',
    });
  }
  if (body.budget !== undefined && body.budget !== null && body.budget < Number(row.reservedAmount)) {
    throw new AppError('CONFLICT', {
      message: `¥${Number(row.reservedAmount)} is already reserved`,
      field: 'budget',
      reason: 'BELOW_RESERVED',
    });
  }
  const { validFrom, validTo, deadline, eligibility, ...rest } = body;
  return db.resource.update({
    where: { id: row.id },
    data: {
      ...rest,
      ...(eligibility ? { eligibility: eligibility as Prisma.InputJsonValue } : {}),
      ...(validFrom !== undefined ? { validFrom: asDate(validFrom) } : {}),
      ...(validTo !== undefined ? { validTo: asDate(validTo) } : {}),
      ...(deadline !== undefined ? { deadline: asDate(deadline) } : {}),
    },
    include: resourceInclude,
  });
}

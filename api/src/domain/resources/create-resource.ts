import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TCreateResource } from '../../routes/resources/resources.types.ts';
import { asDate } from './as-date.ts';
import { checkBeneficiary } from './check-beneficiary.ts';
import { checkResourceRefs } from './check-resource-refs.ts';
import { resourceInclude } from './resource-dto.ts';

/** A new resource covering the user's unit or one below it, as a draft until published. */
export async function createResource({ db, user, body }: { db: Db; user: SessionUser; body: TCreateResource }) {
  await checkResourceRefs({ db, user, body });
  await checkBeneficiary({
    db,
    user,
    b: {
      kind: body.kind,
      campaignType: body.campaignType,
      beneficiaryCaseId: body.beneficiaryCaseId,
      beneficiaryCategory: body.beneficiaryCategory,
      beneficiaryTownshipId: body.beneficiaryTownshipId,
    },
  });
  return db.resource.create({
    data: {
      ...body,
      eligibility: body.eligibility as Prisma.InputJsonValue,
      validFrom: asDate(body.validFrom) ?? null,
      validTo: asDate(body.validTo) ?? null,
      deadline: asDate(body.deadline) ?? null,
      status: 'DRAFT',
      createdById: user.id,
    },
    include: resourceInclude,
  });
}

import type { Db } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/** A campaign's beneficiary as it will be once written: what the request sets over what is stored. */
export interface Beneficiary {
  kind: string;
  campaignType: string | null | undefined;
  beneficiaryCaseId: string | null | undefined;
  beneficiaryCategory: string | null | undefined;
  beneficiaryTownshipId: string | null | undefined;
}

/**
 * §四(三) 定向募捐: a directed campaign says whom it raises for — one case (which the user sees), or a
 * group: a need category in a township. A public campaign, and any other resource, names none. The
 * public figures show the group (category, township), never the person.
 */
export async function checkBeneficiary({ db, user, b }: { db: Db; user: SessionUser; b: Beneficiary }) {
  const named = (['beneficiaryCaseId', 'beneficiaryCategory', 'beneficiaryTownshipId'] as const).filter(
    (field) => b[field] !== null && b[field] !== undefined,
  );
  if (b.kind !== 'FUNDRAISING' || b.campaignType !== 'DIRECTED') {
    if (named.length)
      throw new AppError('VALIDATION', {
        message: 'only a directed (定向) campaign names a beneficiary',
        field: named[0]!,
      });
    return;
  }
  const group = b.beneficiaryCategory && b.beneficiaryTownshipId;
  if (!b.beneficiaryCaseId && !group)
    throw new AppError('VALIDATION', {
      message: 'a directed campaign names its beneficiary: a case, or a need category and a township',
      field: 'beneficiaryCaseId',
    });
  if (b.beneficiaryCaseId) {
    const found = await db.case.findFirst({
      where: { AND: [{ id: b.beneficiaryCaseId }, visibleCases(user)] },
      select: { id: true },
    });
    if (!found)
      throw new AppError('VALIDATION', { message: 'no case you can see has this id', field: 'beneficiaryCaseId' });
  }
  if (b.beneficiaryTownshipId) {
    const unit = await db.orgUnit.findUnique({ where: { id: b.beneficiaryTownshipId }, select: { level: true } });
    if (unit?.level !== 'TOWNSHIP')
      throw new AppError('VALIDATION', { message: 'must be a township (乡镇/街道)', field: 'beneficiaryTownshipId' });
  }
}

import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';
import type { TUpdatePartner } from '../../routes/partners/partners.types.ts';
import { assertUniquePartner } from './assert-unique-partner.ts';

/** Corrects a partner organisation; its name and credit code stay unique. */
export async function updatePartner({ db, id, body }: { db: Db; id: string; body: TUpdatePartner }) {
  if (!(await db.partner.findUnique({ where: { id }, select: { id: true } }))) throw notFound('partner');
  await assertUniquePartner({ db, body, except: id });
  return db.partner.update({ where: { id }, data: body });
}

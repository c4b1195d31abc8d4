import type { Db } from '@guanai/db';
import type { TPartnerBody } from '../../routes/partners/partners.types.ts';
import { assertUniquePartner } from './assert-unique-partner.ts';

/** A new partner organisation, whose name and credit code no other has. */
export async function createPartner({ db, body }: { db: Db; body: TPartnerBody }) {
  await assertUniquePartner({ db, body });
  return db.partner.create({ data: body });
}

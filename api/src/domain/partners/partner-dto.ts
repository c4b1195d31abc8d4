import type { Prisma } from '@guanai/db';
import type { TPartner } from '../../routes/partners/partners.types.ts';

export const toPartnerDto = (p: Prisma.PartnerGetPayload<object>): TPartner => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  creditCode: p.creditCode,
  contact: p.contact,
  phone: p.phone,
  active: p.active,
  createdAt: p.createdAt.toISOString(),
});

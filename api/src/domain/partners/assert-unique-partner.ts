import type { Db } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';

/** No other partner has this name or credit code (`except`: the one being corrected). */
export async function assertUniquePartner({
  db,
  body,
  except,
}: {
  db: Db;
  body: { name?: string | undefined; creditCode?: string | undefined };
  except?: string;
}): Promise<void> {
  const clash = await db.partner.findFirst({
    where: {
      OR: [{ name: body.name ?? '' }, ...(body.creditCode ? [{ creditCode: body.creditCode }] : [])],
      ...(except ? { NOT: { id: except } } : {}),
    },
  });
  if (clash)
    throw new AppError('CONFLICT', {
      message: 'another partner has this name or credit code',
      field: clash.name === body.name ? 'name' : 'creditCode',
      reason: 'DUPLICATE_PARTNER',
    });
}

import { createPartner } from '../../domain/partners/create-partner.ts';
import { toPartnerDto } from '../../domain/partners/partner-dto.ts';
import { updatePartner } from '../../domain/partners/update-partner.ts';
import type { AppDeps } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  createPartner as createPartnerRoute,
  getPartner,
  listPartners,
  updatePartner as updatePartnerRoute,
} from './partners.types.ts';

/** Routes under /api/partners, the partner organisations: anyone signed in reads them; admins keep them. */
export function partnerRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Anyone signed in: every partner organisation, by name. */
      .openapi(listPartners, async (c) => {
        const rows = await db.partner.findMany({ orderBy: { name: 'asc' } });
        c.header('Content-Range', contentRange('partners', [0, rows.length], rows.length, rows.length));
        return c.json(rows.map(toPartnerDto), 200);
      })
      /** Anyone signed in: one partner organisation. */
      .openapi(getPartner, async (c) => {
        const row = await db.partner.findUnique({ where: { id: c.req.valid('param').id } });
        if (!row) throw notFound('partner');
        return c.json(toPartnerDto(row), 200);
      })
      /** Admins: a new partner organisation, its name and credit code unique. */
      .openapi(createPartnerRoute, async (c) =>
        c.json(toPartnerDto(await createPartner({ db, body: c.req.valid('json') })), 201),
      )
      /** Admins: corrects a partner organisation. */
      .openapi(updatePartnerRoute, async (c) =>
        c.json(toPartnerDto(await updatePartner({ db, id: c.req.valid('param').id, body: c.req.valid('json') })), 200),
      )
  );
}

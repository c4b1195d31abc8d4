import { randomUUID } from 'node:crypto';
import type { Prisma } from '@guanai/db';
import { addDonation } from '../../domain/resources/add-donation.ts';
import { createResource } from '../../domain/resources/create-resource.ts';
import { resourceInclude, toResourceDto } from '../../domain/resources/resource-dto.ts';
import { setResourceStatus } from '../../domain/resources/set-resource-status.ts';
import { updateResource } from '../../domain/resources/update-resource.ts';
import { findVisibleResource, visibleResources } from '../../domain/resources/visible-resources.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import { contentRange } from '../../validation.ts';
import { resourceEvaluationRoutes } from './evaluations.ts';
import {
  addDonation as addDonationRoute,
  createResource as createResourceRoute,
  getResource,
  listDonations,
  listResources,
  setResourceStatus as setResourceStatusRoute,
  updateResource as updateResourceRoute,
  type TDonation,
} from './resources.types.ts';

/** Routes under /api/resources: the catalogue (援助项目库), campaigns' donations, and evaluations of resources. */
export function resourceRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Anyone signed in: the catalogue, by kind, status and need category. */
      .openapi(listResources, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.ResourceWhereInput = {
          AND: [
            visibleResources(c.get('user')),
            filter.q ? { OR: [{ name: { contains: filter.q } }, { provider: { name: { contains: filter.q } } }] } : {},
          ],
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.category ? { categories: { has: filter.category } } : {}),
          ...(filter.providerId ? { providerId: filter.providerId } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.resource.findMany({
            where,
            include: resourceInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.resource.count({ where }),
        ]);
        c.header('Content-Range', contentRange('resources', range, rows.length, total));
        return c.json(rows.map(toResourceDto), 200);
      })
      /** Whoever sees the resource. */
      .openapi(getResource, async (c) =>
        c.json(toResourceDto(await findVisibleResource({ db, user: c.get('user'), id: c.req.valid('param').id })), 200),
      )
      /** Admins and managers: a new resource covering their unit or one below it, as a draft until published. */
      .openapi(createResourceRoute, async (c) =>
        c.json(toResourceDto(await createResource({ db, user: c.get('user'), body: c.req.valid('json') })), 201),
      )
      /** Admins and managers of its coverage: corrects a resource; capacity and budget may not drop below what is reserved. */
      .openapi(updateResourceRoute, async (c) => {
        const updated = await updateResource({
          db,
          user: c.get('user'),
          id: c.req.valid('param').id,
          body: c.req.valid('json'),
        });
        return c.json(toResourceDto(updated), 200);
      })
      /** Admins and managers of its coverage: publishes, pauses or closes a resource. Live matches keep their places. */
      .openapi(setResourceStatusRoute, async (c) => {
        const { status } = c.req.valid('json');
        const row = await setResourceStatus({ db, user: c.get('user'), id: c.req.valid('param').id, status });
        return c.json(toResourceDto(row), 200);
      })
      /** Whoever sees the resource: a campaign's donations ledger. */
      .openapi(listDonations, async (c) => {
        const row = await findVisibleResource({ db, user: c.get('user'), id: c.req.valid('param').id });
        const donations = await db.donation.findMany({
          where: { resourceId: row.id },
          orderBy: [{ receivedOn: 'desc' }, { createdAt: 'desc' }],
        });
        return c.json(
          donations.map((d): TDonation => ({
            id: d.id,
            kind: d.kind,
            receiptNo: d.receiptNo,
            reversesId: d.reversesId,
            reason: d.reason,
            donorName: d.donorName,
            amount: Number(d.amount),
            receivedOn: d.receivedOn.toISOString().slice(0, 10),
            channel: d.channel,
            createdAt: d.createdAt.toISOString(),
          })),
          200,
        );
      })
      /**
       * The campaign's own partner, admins and managers of its coverage: records a donation to a
       * published campaign; its budget grows by it. A retried request (same Idempotency-Key) records it once.
       */
      .openapi(addDonationRoute, async (c) => {
        const created = await addDonation({
          db,
          user: c.get('user'),
          resourceId: c.req.valid('param').id,
          id: keyedId(c, 'donation') ?? randomUUID(),
          body: c.req.valid('json'),
        });
        return c.json(created, 201);
      })
      .route('/', resourceEvaluationRoutes(deps))
  );
}

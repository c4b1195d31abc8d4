import { randomUUID } from 'node:crypto';
import type { Prisma } from '@guanai/db';
import { acceptMatch } from '../../domain/matching/accept-match.ts';
import { cancelMatch } from '../../domain/matching/cancel-match.ts';
import { exportFormat } from '../../domain/exports/write-table.ts';
import { declineMatch } from '../../domain/matching/decline-match.ts';
import { exportMatches } from '../../domain/matching/export-matches.ts';
import { findVisibleMatch, visibleMatches } from '../../domain/matching/find-visible-match.ts';
import { matchInclude, toMatchDto } from '../../domain/matching/match-dto.ts';
import { recordDelivery } from '../../domain/matching/record-delivery.ts';
import { storeDeliveryEvidence } from '../../domain/matching/store-delivery-evidence.ts';
import type { AppDeps } from '../../env.ts';
import { storeAttachment } from '../../files/attachments.ts';
import { sendExport } from '../../openapi/file-export.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import { contentRange } from '../../validation.ts';
import {
  acceptMatch as acceptMatchRoute,
  addDeliveryEvidence,
  cancelMatch as cancelMatchRoute,
  declineMatch as declineMatchRoute,
  exportMatches as exportMatchesRoute,
  getMatch,
  listMatches,
  recordDelivery as recordDeliveryRoute,
} from './matches.types.ts';

/** Routes under /api/matches: the partner portal's inbox, decisions, and the delivery ledger. */
export function matchRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Partners: matches of their own resources. Staff: matches of cases they can see. */
      .openapi(listMatches, async (c) => {
        const user = c.get('user');
        const { filter = {}, range } = c.req.valid('query');
        const where: Prisma.MatchWhereInput = { AND: [visibleMatches(user), filter] };
        const [rows, total] = await Promise.all([
          db.match.findMany({
            where,
            include: matchInclude,
            orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.match.count({ where }),
        ]);
        c.header('Content-Range', contentRange('matches', range, rows.length, total));
        return c.json(
          rows.map((row) => toMatchDto(row, user)),
          200,
        );
      })
      /** Who may list the matches: the filtered list as CSV or Excel, as the list shows it, phones masked; audited. */
      .openapi(exportMatchesRoute, async (c) => {
        const { filter = {}, format } = c.req.valid('query');
        const file = await exportMatches({
          db,
          user: c.get('user'),
          filter,
          format: exportFormat(format, c.req.header('Accept')),
        });
        return sendExport(c, file);
      })
      /** Partners (their own resources') and staff (of cases they can see): one match. */
      .openapi(getMatch, async (c) => {
        const user = c.get('user');
        return c.json(toMatchDto(await findVisibleMatch(db, user, c.req.valid('param').id), user), 200);
      })
      /** The resource's partner: accepts a proposal; its hold becomes a commitment. Accepting twice is harmless. */
      .openapi(acceptMatchRoute, async (c) => {
        const match = await acceptMatch({ db, user: c.get('user'), matchId: c.req.valid('param').id });
        return c.json(match, 200);
      })
      /** The resource's partner: declines a proposal with a reason; its places and money go back. */
      .openapi(declineMatchRoute, async (c) => {
        const match = await declineMatch({
          db,
          user: c.get('user'),
          matchId: c.req.valid('param').id,
          reason: c.req.valid('json').reason,
        });
        return c.json(match, 200);
      })
      /** Caseworkers and supervisors of the owning center: withdraws a match nothing was delivered on. */
      .openapi(cancelMatchRoute, async (c) => {
        const match = await cancelMatch({
          db,
          user: c.get('user'),
          matchId: c.req.valid('param').id,
          reason: c.req.valid('json').reason,
        });
        return c.json(match, 200);
      })
      /** The partner or the case's workers: a photo or receipt as delivery evidence (an attachment of the case). */
      .openapi(addDeliveryEvidence, async (c) => {
        const attachment = await storeDeliveryEvidence({
          db,
          user: c.get('user'),
          matchId: c.req.valid('param').id,
          store: (caseId) => storeAttachment(deps, c, caseId),
        });
        return c.json(attachment, 201);
      })
      /**
       * The partner or the case's workers: records what was given (the delivery ledger). Money given
       * never exceeds the amount matched; nothing more is given on a closed case. A retried request
       * (same Idempotency-Key) records it once.
       */
      .openapi(recordDeliveryRoute, async (c) => {
        const match = await recordDelivery({
          db,
          user: c.get('user'),
          matchId: c.req.valid('param').id,
          deliveryId: keyedId(c, 'delivery') ?? randomUUID(),
          input: c.req.valid('json'),
        });
        return c.json(match, 201);
      })
  );
}

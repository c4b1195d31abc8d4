import { randomUUID } from 'node:crypto';
import { acceptApplication } from '../../domain/applications/accept-application.ts';
import { applicationInclude, toApplicationDto } from '../../domain/applications/application-dto.ts';
import { applicationListWhere } from '../../domain/applications/application-list-where.ts';
import { declineApplication } from '../../domain/applications/decline-application.ts';
import { findVisibleApplication } from '../../domain/applications/find-visible-application.ts';
import { readApplicationDocument } from '../../domain/applications/read-application-document.ts';
import { revealApplicantPhone } from '../../domain/applications/reveal-applicant-phone.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange } from '../../validation.ts';
import {
  acceptApplication as acceptApplicationRoute,
  declineApplication as declineApplicationRoute,
  getApplication,
  getApplicationDocument,
  listApplications,
  revealApplicantPhone as revealApplicantPhoneRoute,
} from './applications.types.ts';

/** Routes under /api/applications: the online self-applications (§四(一) 个人申请) as the stations verify them. */
export function applicationRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;
  return (
    createRouter()
      /** Workers: the applications of the communities in their subtree, phones masked. */
      .openapi(listApplications, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where = applicationListWhere(c.get('user'), filter);
        const [rows, total] = await Promise.all([
          db.application.findMany({
            where,
            include: applicationInclude,
            orderBy: [
              // Undecided applications have no decidedAt: last, whichever way.
              sort[0] === 'decidedAt'
                ? { decidedAt: { sort: sort[1] === 'ASC' ? 'asc' : 'desc', nulls: 'last' } }
                : { [sort[0]]: sort[1] === 'ASC' ? 'asc' : 'desc' },
              { id: 'asc' },
            ],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.application.count({ where }),
        ]);
        c.header('Content-Range', contentRange('applications', range, rows.length, total));
        return c.json(rows.map(toApplicationDto), 200);
      })
      /** Workers who may see it: one application, the phone masked. */
      .openapi(getApplication, async (c) =>
        c.json(toApplicationDto(await findVisibleApplication(db, c.get('user'), c.req.valid('param').id)), 200),
      )
      /** Workers who may see it: the full phone number, for a stated reason; audited with who and why. */
      .openapi(revealApplicantPhoneRoute, async (c) => {
        const revealed = await revealApplicantPhone({
          db,
          keys: deps.keys,
          user: c.get('user'),
          applicationId: c.req.valid('param').id,
          reason: c.req.valid('query').reason,
        });
        return c.json(revealed, 200);
      })
      /** Workers who may see the application: a photo sent with it. */
      .openapi(getApplicationDocument, async (c) => {
        const { id, documentId } = c.req.valid('param');
        const document = await readApplicationDocument({ db, user: c.get('user'), applicationId: id, documentId });
        return c.body(new Uint8Array(document.bytes), 200, {
          'Content-Type': document.contentType,
          'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
          'X-Content-Type-Options': 'nosniff',
        });
      })
      /** The station worker of its community: opens the case of a verified application. */
      .openapi(acceptApplicationRoute, async (c) => {
        const opened = await acceptApplication({
          db,
          cases,
          keys: deps.keys,
          caseSettings: deps.caseSettings,
          user: c.get('user'),
          applicationId: c.req.valid('param').id,
          input: c.req.valid('json'),
          ids: { caseId: keyedId(c, 'case') ?? randomUUID(), personId: keyedId(c, 'person') ?? randomUUID() },
        });
        return c.json(opened, 201);
      })
      /** The station worker of its community: declines it, with the reason the applicant reads. */
      .openapi(declineApplicationRoute, async (c) => {
        const declined = await declineApplication({
          db,
          user: c.get('user'),
          applicationId: c.req.valid('param').id,
          reason: c.req.valid('json').reason,
        });
        return c.json(declined, 200);
      })
  );
}

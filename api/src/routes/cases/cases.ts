import { randomUUID } from 'node:crypto';
import { actOnCase } from '../../domain/cases/act-on-case.ts';
import { addCaseNote } from '../../domain/cases/add-case-note.ts';
import { caseListWhere } from '../../domain/cases/case-list-where.ts';
import { caseInclude, toCaseDto } from '../../domain/cases/case-dto.ts';
import { exportCases } from '../../domain/cases/export-cases.ts';
import { exportFormat } from '../../domain/exports/write-table.ts';
import { getCaseDetail } from '../../domain/cases/get-case-detail.ts';
import { openCase } from '../../domain/cases/open-case.ts';
import { revealIdNumber } from '../../domain/cases/reveal-id-number.ts';
import { storeCaseAttachment } from '../../domain/cases/store-case-attachment.ts';
import type { AppDeps } from '../../env.ts';
import { storeAttachment } from '../../files/attachments.ts';
import { sendExport } from '../../openapi/file-export.ts';
import { createRouter } from '../../openapi/router.ts';
import { etagOf, versionOf } from '../../request/case-version.ts';
import { keyedId } from '../../request/idempotency.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange } from '../../validation.ts';
import {
  actOnCase as actOnCaseRoute,
  addCaseAttachment,
  addCaseNote as addCaseNoteRoute,
  exportCases as exportCasesRoute,
  getCase,
  listCases,
  openCase as openCaseRoute,
  revealIdNumber as revealIdNumberRoute,
} from './cases.types.ts';
import { caseMatchingRoutes } from './matching.ts';
import { caseSurveyRoutes } from './surveys.ts';
import { caseEligibilityRoutes } from '../eligibility/eligibility.ts';
import { casePaperworkRoutes } from './paperwork.ts';

/** Routes under /api/cases: cases, their timeline and actions, notes and files, their matching and surveys. */
export function caseRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: the cases owned by, or started in, a unit of their subtree. */
      .openapi(listCases, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const where = await caseListWhere(db, user, filter);
        const [rows, total] = await Promise.all([
          db.case.findMany({
            where,
            include: caseInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.case.count({ where }),
        ]);
        c.header('Content-Range', contentRange('cases', range, rows.length, total));
        return c.json(rows.map(toCaseDto), 200);
      })
      /** Who may list the cases: the filtered list as CSV or Excel, numbers and phones masked; audited. */
      .openapi(exportCasesRoute, async (c) => {
        const { filter = {}, sort, format } = c.req.valid('query');
        const file = await exportCases({
          db,
          user: c.get('user'),
          filter,
          sort,
          format: exportFormat(format, c.req.header('Accept')),
        });
        return sendExport(c, file);
      })
      /** Any signed-in user who can see the case: the case, its timeline and its tasks. */
      .openapi(getCase, async (c) => {
        const detail = await getCaseDetail({ db, cases, user: c.get('user'), caseId: c.req.valid('param').id });
        c.header('ETag', etagOf(detail.version));
        return c.json(detail, 200);
      })
      /**
       * A station worker (self-application, §四(一)) or a discoverer (outreach report) at a community:
       * registers the person and opens the case workflow.
       */
      .openapi(openCaseRoute, async (c) => {
        const opened = await openCase({
          db,
          cases,
          keys: deps.keys,
          caseSettings: deps.caseSettings,
          user: c.get('user'),
          input: c.req.valid('json'),
          ids: { caseId: keyedId(c, 'case') ?? randomUUID(), personId: keyedId(c, 'person') ?? randomUUID() },
        });
        return c.json(opened, 201);
      })
      /**
       * Station workers, caseworkers and supervisors who can see the case: the full identity number,
       * for a stated reason; every such view is written to the audit log with who and why.
       */
      .openapi(revealIdNumberRoute, async (c) => {
        const revealed = await revealIdNumber({
          db,
          keys: deps.keys,
          user: c.get('user'),
          caseId: c.req.valid('param').id,
          reason: c.req.valid('query').reason,
        });
        return c.json(revealed, 200);
      })
      /** Whoever the machine allows (supervisors, caseworkers, by action): a case-level action. */
      .openapi(actOnCaseRoute, async (c) => {
        const after = await actOnCase({
          db,
          cases,
          user: c.get('user'),
          caseId: c.req.valid('param').id,
          action: c.req.valid('json'),
          key: keyedId(c, 'act'),
          ifVersion: versionOf(c.req.valid('header')['if-match']),
        });
        c.header('ETag', etagOf(after.version));
        return c.json(after, 200);
      })
      /** Anyone who may work on or knows the case (its station included): a note, with attachments. */
      .openapi(addCaseNoteRoute, async (c) => {
        const after = await addCaseNote({
          db,
          cases,
          user: c.get('user'),
          caseId: c.req.valid('param').id,
          note: c.req.valid('json'),
          key: keyedId(c, 'act'),
          ifVersion: versionOf(c.req.valid('header')['if-match']),
        });
        c.header('ETag', etagOf(after.version));
        return c.json(after, 201);
      })
      /**
       * Anyone who sees the case: uploads a file (the raw body; Content-Type a photo or PDF, the name in
       * X-Filename). A note then refers to it.
       */
      .openapi(addCaseAttachment, async (c) => {
        const attachment = await storeCaseAttachment({
          db,
          user: c.get('user'),
          caseId: c.req.valid('param').id,
          store: (caseId) => storeAttachment(deps, c, caseId),
        });
        return c.json(attachment, 201);
      })
      .route('/', caseMatchingRoutes(deps))
      .route('/', caseSurveyRoutes(deps))
      .route('/', caseEligibilityRoutes(deps))
      .route('/', casePaperworkRoutes(deps))
  );
}

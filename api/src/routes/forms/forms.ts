import type { Prisma } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import { createFormDraft } from '../../domain/forms/create-form-draft.ts';
import { currentForm as resolveCurrent, districtOfCase } from '../../domain/forms/current-form.ts';
import { schemaOfLayout } from '../../domain/forms/check-layout.ts';
import { currentIds, formDto, formInclude, toFormDto } from '../../domain/forms/form-dto.ts';
import { loadDraft, loadForm } from '../../domain/forms/load-form.ts';
import { publishForm as publish, retireForm as retire } from '../../domain/forms/publish-form.ts';
import type { AppDeps } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  asLayout,
  createForm,
  currentForm,
  deleteForm,
  getForm,
  listForms,
  publishForm,
  retireForm,
  updateForm,
} from './forms.types.ts';

/** Routes under /api/forms: the versioned form definitions (表单定义, issue 17). */
export function formRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: every version, filtered by kind, status and scope. */
      .openapi(listForms, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.FormDefinitionWhereInput = {
          ...(filter.id ? { id: { in: filter.id } } : {}),
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.districtId !== undefined ? { districtId: filter.districtId } : {}),
        };
        const [field, order] = sort;
        const dir = order === 'ASC' ? 'asc' : 'desc';
        const [rows, total] = await Promise.all([
          db.formDefinition.findMany({
            where,
            include: formInclude,
            orderBy: [{ [field]: dir }, { districtId: { sort: 'asc', nulls: 'first' } }, { version: 'desc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.formDefinition.count({ where }),
        ]);
        const current = await currentIds(db, rows);
        c.header('Content-Range', contentRange('forms', range, rows.length, total));
        return c.json(
          rows.map((row) => toFormDto(row, current)),
          200,
        );
      })
      /** Any signed-in user: the version to answer for a case (its district's, else the city's) or a district. */
      .openapi(currentForm, async (c) => {
        const { kind, caseId, districtId } = c.req.valid('query');
        let district = districtId ?? null;
        if (caseId) {
          const row = await db.case.findFirst({
            where: { id: caseId, ...visibleCases(c.get('user')) },
            select: { originUnitId: true },
          });
          if (!row) throw notFound(`case ${caseId}`);
          district = await districtOfCase(db, row);
        }
        return c.json(await formDto(db, await resolveCurrent(db, kind, district)), 200);
      })
      /** Any signed-in user: one version (a case page shows each answer with its own). */
      .openapi(getForm, async (c) => c.json(await formDto(db, await loadForm(db, c.req.valid('param').id)), 200))
      /** Admins: a new draft (the next version), from the layout given or the scope's latest. */
      .openapi(createForm, async (c) =>
        c.json(await formDto(db, await createFormDraft(db, c.get('user'), c.req.valid('json'))), 201),
      )
      /** Admins: edits a draft's layout; its schema is derived again. */
      .openapi(updateForm, async (c) => {
        const { id } = c.req.valid('param');
        await loadDraft(db, id);
        const layout = asLayout(c.req.valid('json').layout);
        const row = await db.formDefinition.update({
          where: { id },
          data: { layout: layout as object, schema: schemaOfLayout(layout) as object },
          include: formInclude,
        });
        return c.json(await formDto(db, row), 200);
      })
      /** Admins: publishes a draft as its scope's next version. */
      .openapi(publishForm, async (c) =>
        c.json(await formDto(db, await publish(db, c.get('user'), c.req.valid('param').id)), 200),
      )
      /** Admins: retires a published version (no new answers with it). */
      .openapi(retireForm, async (c) => c.json(await formDto(db, await retire(db, c.req.valid('param').id)), 200))
      /** Admins: discards a draft. */
      .openapi(deleteForm, async (c) => {
        const draft = await loadDraft(db, c.req.valid('param').id);
        await db.formDefinition.delete({ where: { id: draft.id } });
        return c.json(toFormDto(draft, new Set()), 200);
      })
  );
}

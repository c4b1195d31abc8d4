import type { Db } from '@guanai/db';
import type { FormLayout } from '@guanai/workflows/forms';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TCreateForm } from '../../routes/forms/forms.types.ts';
import { schemaOfLayout } from './check-layout.ts';
import { formInclude } from './form-dto.ts';

/**
 * An admin starts the next version of a form for the city or one district: with the layout given, or
 * a copy of the scope's latest version (a district's first override copies the city's current one).
 * One draft per kind and scope.
 */
export async function createFormDraft(db: Db, user: SessionUser, body: TCreateForm) {
  const { kind, districtId } = body;
  if (districtId) {
    const district = await db.orgUnit.findUnique({ where: { id: districtId }, select: { level: true } });
    if (district?.level !== 'DISTRICT')
      throw new AppError('VALIDATION', {
        message: 'districtId: must be a district (区(市)县)',
        errors: [{ field: 'districtId', reason: 'must be a district (区(市)县)' }],
      });
  }
  const draft = await db.formDefinition.findFirst({ where: { kind, districtId, status: 'DRAFT' } });
  if (draft)
    throw new AppError('CONFLICT', {
      reason: 'FORM_DRAFT_EXISTS',
      message: `a draft of this form exists already (version ${draft.version}): edit it or discard it`,
      extra: { draftId: draft.id },
    });
  const latest = await db.formDefinition.findFirst({ where: { kind, districtId }, orderBy: { version: 'desc' } });
  const source =
    body.layout ??
    (
      (await db.formDefinition.findFirst({
        where: { kind, districtId, status: { not: 'DRAFT' } },
        orderBy: { version: 'desc' },
      })) ??
      (await db.formDefinition.findFirst({
        where: { kind, districtId: null, status: 'PUBLISHED' },
        orderBy: { version: 'desc' },
      }))
    )?.layout;
  const layout = (source ?? { sections: [{ title: { zh: '基本信息', en: 'Basics' }, fields: [] }] }) as FormLayout;
  return db.formDefinition
    .create({
      data: {
        kind,
        districtId,
        version: (latest?.version ?? 0) + 1,
        status: 'DRAFT',
        layout: layout as object,
        schema: schemaOfLayout(layout) as object,
        createdById: user.id,
      },
      include: formInclude,
    })
    .catch((error: unknown) => {
      // Another admin started the same scope's draft at the same moment (one draft per scope).
      if ((error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String(error)))
        throw new AppError('CONFLICT', {
          reason: 'FORM_DRAFT_EXISTS',
          message: 'a draft of this form was started meanwhile: edit it or discard it',
        });
      throw error;
    });
}

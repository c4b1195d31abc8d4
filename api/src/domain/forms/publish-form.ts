import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { formInclude } from './form-dto.ts';
import { loadDraft, loadForm } from './load-form.ts';

/**
 * An admin publishes a draft: it becomes the version new answers of its kind and scope are given with.
 * Its number is one above every version of its scope; what was answered before keeps its own version.
 */
export async function publishForm(db: Db, user: SessionUser, id: string) {
  const draft = await loadDraft(db, id);
  const latest = await db.formDefinition.findFirst({
    where: { kind: draft.kind, districtId: draft.districtId, id: { not: draft.id } },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  return db.formDefinition.update({
    where: { id },
    data: {
      status: 'PUBLISHED',
      version: Math.max(draft.version, (latest?.version ?? 0) + 1),
      publishedById: user.id,
      publishedAt: new Date(),
    },
    include: formInclude,
  });
}

/** An admin retires a published version: no new answers with it (the scope falls back to the one before). */
export async function retireForm(db: Db, id: string) {
  const row = await loadForm(db, id);
  if (row.status !== 'PUBLISHED')
    throw new AppError('CONFLICT', {
      reason: 'FORM_NOT_PUBLISHED',
      message: `${row.kind} form version ${row.version} is ${row.status.toLowerCase()}: only a published version is retired`,
    });
  return db.formDefinition.update({ where: { id }, data: { status: 'RETIRED' }, include: formInclude });
}

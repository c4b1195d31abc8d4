import type { Db } from '@guanai/db';
import { AppError, notFound } from '../../errors/app-error.ts';
import { formInclude } from './form-dto.ts';

export async function loadForm(db: Db, id: string) {
  const row = await db.formDefinition.findUnique({ where: { id }, include: formInclude });
  if (!row) throw notFound(`form definition ${id}`);
  return row;
}

/** A draft, or a 409: a published version is never changed. */
export async function loadDraft(db: Db, id: string) {
  const row = await loadForm(db, id);
  if (row.status !== 'DRAFT')
    throw new AppError('CONFLICT', {
      reason: 'FORM_PUBLISHED',
      message: `${row.kind} form version ${row.version} is ${row.status.toLowerCase()}: it is never changed; start a new draft`,
    });
  return row;
}

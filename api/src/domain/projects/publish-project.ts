import { decryptIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import { visibleCases, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPublishProject } from '../../routes/projects/projects.types.ts';
import { holdCaseRow } from '../cases/hold-case-row.ts';
import { needsOf } from '../matching/needs-of.ts';
import { projectInclude } from './project-dto.ts';

/** Words that would name the person: their name, phone, identity number or address. */
function identifying(
  text: string,
  person: { name: string; phone: string | null; address: string | null; idNumber: string | null },
): string | null {
  const compact = text.replace(/\s/g, '');
  if (person.name.length >= 2 && compact.includes(person.name)) return 'the name';
  if (person.phone && compact.includes(person.phone)) return 'the phone number';
  if (person.idNumber && compact.toUpperCase().includes(person.idNumber)) return 'the identity number';
  if (person.address && person.address.length >= 6 && compact.includes(person.address.replace(/\s/g, '')))
    return 'the address';
  if (/\d{17}[\dX]|1\d{10}/i.test(compact)) return 'an identity or phone number';
  return null;
}

/**
 * §四(六) 援助项目发布平台: publishes one need of an open case, anonymised, by a caseworker or
 * supervisor of the center that owns the case. Text that names the person (name, phone, identity
 * number, address) is refused; a need is published once.
 */
export async function publishProject({
  db,
  keys,
  user,
  body,
}: {
  db: Db;
  keys: IdentityKeys;
  user: SessionUser;
  body: TPublishProject;
}) {
  const row = await db.case.findFirst({
    where: { id: body.caseId, ...visibleCases(user) },
    include: {
      owningUnit: { select: { path: true } },
      originUnit: { select: { parentId: true } },
      person: { select: { name: true, phone: true, address: true, idNumberEnc: true } },
    },
  });
  if (!row) throw new AppError('VALIDATION', { message: 'no such case in your jurisdiction', field: 'caseId' });
  if (!within(user, row.owningUnit.path))
    throw new AppError('FORBIDDEN', { message: 'the center that owns the case publishes its needs' });
  if (row.status === 'CLOSED')
    throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'NOT_ALLOWED_IN_STATE' });
  const need = needsOf(row.data)[body.needIndex];
  if (!need) throw new AppError('VALIDATION', { message: 'the case has no such need', field: 'needIndex' });
  const person = {
    ...row.person,
    idNumber: row.person.idNumberEnc ? decryptIdNumber(row.person.idNumberEnc, keys) : null,
  };
  for (const field of ['title', 'description', 'service'] as const) {
    const what = body[field] ? identifying(body[field], person) : null;
    if (what)
      throw new AppError('VALIDATION', { message: `must not identify the person (it contains ${what})`, field });
  }
  if (
    await db.project.findUnique({
      where: { caseId_needIndex: { caseId: row.id, needIndex: body.needIndex } },
      select: { id: true },
    })
  ) {
    throw new AppError('CONFLICT', {
      message: 'this need is already published',
      field: 'needIndex',
      reason: 'ALREADY_PUBLISHED',
    });
  }
  // The case row held while the project is written: a closure projected meanwhile waits for this
  // commit, and its effect (the workflow's) then withdraws the project; one projected before is seen here.
  return db.$transaction(async (tx) => {
    const current = await holdCaseRow(tx, row.id);
    if (current?.status === 'CLOSED')
      throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'NOT_ALLOWED_IN_STATE' });
    return tx.project.create({
      data: {
        caseId: row.id,
        needIndex: body.needIndex,
        category: need.category,
        townshipId: row.originUnit.parentId!,
        title: body.title,
        description: body.description,
        amount: body.amount ?? null,
        service: body.service ?? null,
        publishedById: user.id,
      },
      include: projectInclude,
    });
  });
}

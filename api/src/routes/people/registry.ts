import { randomUUID } from 'node:crypto';
import { hashIdNumber, maskName, protectIdNumber, type Db, type IdentityKeys, type Prisma } from '@guanai/db';
import type { Sex } from '@guanai/workflows/vocabulary';
import { visiblePeople, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPersonInput } from './people.types.ts';

type Tx = Prisma.TransactionClient | Db;

/** An address reduced for comparison: full-width to half-width, no spaces or punctuation. */
export function addressKey(address: string | null | undefined): string | null {
  const key = (address ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return key.length >= 4 ? key : null;
}

/** Edit distance between two names, by character (a Chinese name is two to four of them). */
export function nameDistance(a: string, b: string): number {
  const [x, y] = [[...a.trim()], [...b.trim()]];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length]!;
}

export type DuplicateMatch = 'ID_NUMBER' | 'PHONE' | 'NAME_ADDRESS';

export interface Duplicate {
  /** null when the record is outside the caller's jurisdiction: they learn that it exists, not who. */
  id: string | null;
  name: string;
  idNumberMasked: string | null;
  communityName: string;
  match: DuplicateMatch;
}

export interface DuplicateCandidate {
  name: string;
  idType?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  communityId?: string | undefined;
  householdId?: string | undefined;
}

const STRENGTH: DuplicateMatch[] = ['ID_NUMBER', 'PHONE', 'NAME_ADDRESS'];

/**
 * Registry records that may be the same person: the same identity document (keyed hash), the same
 * phone (outside the person's own household: families share one), or a similar name (equal or one
 * character apart) at the same address in the same community. Merged records are not candidates.
 */
export async function findDuplicates(
  db: Tx,
  keys: IdentityKeys,
  user: SessionUser,
  candidate: DuplicateCandidate,
  excludeId?: string,
): Promise<Duplicate[]> {
  const hash = candidate.idNumber
    ? hashIdNumber(candidate.idNumber, keys, (candidate.idType ?? 'RESIDENT_ID') as never)
    : null;
  const key = addressKey(candidate.address);
  const or: Prisma.PersonWhereInput[] = [];
  if (hash) or.push({ idNumberHash: hash });
  if (candidate.phone)
    or.push({
      phone: candidate.phone,
      ...(candidate.householdId ? { NOT: { householdId: candidate.householdId } } : {}),
    });
  if (key) or.push({ addressKey: key, ...(candidate.communityId ? { communityId: candidate.communityId } : {}) });
  if (or.length === 0) return [];
  const rows = await db.person.findMany({
    where: { OR: or, mergedIntoId: null, ...(excludeId ? { NOT: { id: excludeId } } : {}) },
    select: {
      id: true,
      name: true,
      idNumberHash: true,
      idNumberMasked: true,
      phone: true,
      addressKey: true,
      householdId: true,
      community: { select: { name: true, path: true } },
    },
    take: 50,
  });
  const found: Duplicate[] = [];
  for (const row of rows) {
    const match: DuplicateMatch | undefined =
      hash && row.idNumberHash === hash
        ? 'ID_NUMBER'
        : candidate.phone &&
            row.phone === candidate.phone &&
            !(candidate.householdId && row.householdId === candidate.householdId)
          ? 'PHONE'
          : key && row.addressKey === key && nameDistance(row.name, candidate.name) <= 1
            ? 'NAME_ADDRESS'
            : undefined;
    if (!match) continue;
    const visible = within(user, row.community.path);
    found.push({
      id: visible ? row.id : null,
      name: visible ? row.name : maskName(row.name),
      idNumberMasked: row.idNumberMasked,
      communityName: row.community.name,
      match,
    });
  }
  return found.sort((a, b) => STRENGTH.indexOf(a.match) - STRENGTH.indexOf(b.match)).slice(0, 10);
}

/** 409 for duplicates: a same-document match cannot be overridden; the others can, once seen. */
export function assertNoDuplicates(duplicates: Duplicate[], confirmNotDuplicate: boolean, field = 'idNumber') {
  const same = duplicates.filter((d) => d.match === 'ID_NUMBER');
  if (same.length > 0) {
    throw new AppError('CONFLICT', {
      message: `this identity document is already in the registry (${same[0]!.name}, ${same[0]!.communityName}); use that record`,
      field,
      reason: 'DUPLICATE_PERSON',
      extra: { duplicates: same },
    });
  }
  if (duplicates.length > 0 && !confirmNotDuplicate) {
    throw new AppError('CONFLICT', {
      message: `${duplicates.length} registry record(s) may be the same person; check them, or confirm that this is someone else (confirmNotDuplicate)`,
      reason: 'POSSIBLE_DUPLICATE',
      extra: { duplicates },
    });
  }
}

/** The community a new person lives in: the one named (inside the caller's jurisdiction) or the caller's own. */
export async function resolveCommunity(
  db: Tx,
  user: SessionUser,
  communityId: string | undefined,
): Promise<{ id: string; path: string }> {
  if (!communityId) {
    if (user.orgUnit.level === 'COMMUNITY') return { id: user.orgUnit.id, path: user.orgUnit.path };
    throw new AppError('VALIDATION', {
      message: 'is required: the community (村/社区) the person lives in',
      field: 'communityId',
    });
  }
  const unit = await db.orgUnit.findUnique({
    where: { id: communityId },
    select: { id: true, path: true, level: true },
  });
  if (!unit || !within(user, unit.path) || unit.level !== 'COMMUNITY') {
    throw new AppError('VALIDATION', {
      message: 'is not a community (村/社区) in your jurisdiction',
      field: 'communityId',
    });
  }
  return unit;
}

/** A resident identity number carries the birth date and sex; they fill the fields left empty. */
function fromResidentId(input: TPersonInput): { birthDate?: string; sex?: Sex } {
  if (!input.idNumber || (input.idType ?? 'RESIDENT_ID') !== 'RESIDENT_ID') return {};
  const n = input.idNumber;
  return {
    birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
    sex: Number(n[16]) % 2 === 1 ? 'M' : 'F',
  };
}

export interface RegisterOptions {
  /** A caller-chosen id (derived from an idempotency key or an import row), else a random one. */
  id?: string;
  /** The id of the household to start when the person does not join one. */
  householdId?: string;
  confirmNotDuplicate: boolean;
}

/**
 * Registers a person after the duplicate check: in their community, in the household they join
 * (inside the caller's jurisdiction) or in a new one they head.
 */
export async function registerPerson(
  db: Db,
  keys: IdentityKeys,
  user: SessionUser,
  input: TPersonInput,
  options: RegisterOptions,
) {
  const community = await resolveCommunity(db, user, input.communityId);
  let household: { id: string; address: string | null } | null = null;
  if (input.householdId) {
    household = await db.household.findFirst({
      where: { id: input.householdId, community: { path: { startsWith: user.orgUnit.path } } },
      select: { id: true, address: true },
    });
    if (!household)
      throw new AppError('VALIDATION', { message: 'is not a household in your jurisdiction', field: 'householdId' });
  }
  const address = input.address ?? household?.address ?? undefined;
  const duplicates = await findDuplicates(db, keys, user, { ...input, address, communityId: community.id });
  assertNoDuplicates(duplicates, options.confirmNotDuplicate);
  const derived = fromResidentId(input);
  const id = options.id ?? randomUUID();
  const document = input.idNumber ? protectIdNumber(input.idNumber, keys, input.idType ?? 'RESIDENT_ID') : null;
  return db.$transaction(async (tx) => {
    if (document) {
      // Two workers registering the same document at once: the second waits here, then finds the first.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${document.idNumberHash}))`;
      const taken = await tx.person.findFirst({
        where: { idNumberHash: document.idNumberHash, mergedIntoId: null },
        select: { id: true },
      });
      if (taken)
        assertNoDuplicates(
          await findDuplicates(tx, keys, user, { name: input.name, idType: input.idType, idNumber: input.idNumber }),
          true,
        );
    }
    const householdId = household?.id ?? options.householdId ?? randomUUID();
    if (!household)
      await tx.household.create({ data: { id: householdId, communityId: community.id, address: address ?? null } });
    return tx.person.create({
      data: {
        id,
        name: input.name,
        sex: input.sex ?? derived.sex ?? null,
        birthDate:
          (input.birthDate ?? derived.birthDate) ? new Date(`${input.birthDate ?? derived.birthDate}T00:00:00Z`) : null,
        phone: input.phone ?? null,
        address: address ?? null,
        addressKey: addressKey(address),
        hukou: input.hukou,
        communityId: community.id,
        householdId,
        relation: input.relation ?? (household ? 'OTHER' : 'HEAD'),
        tags: input.tags ?? [],
        createdById: user.id,
        ...(document ?? {}),
      },
      include: personInclude,
    });
  });
}

export const personInclude = {
  community: { select: { name: true } },
  _count: { select: { cases: { where: { status: { not: 'CLOSED' } } } } },
} satisfies Prisma.PersonInclude;

type PersonRow = Prisma.PersonGetPayload<{ include: typeof personInclude }>;

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** A registry record as the API shows it: the identity number only masked. */
export function toPersonDto(row: PersonRow) {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    birthDate: day(row.birthDate),
    phone: row.phone,
    address: row.address,
    hukou: row.hukou,
    idType: row.idType,
    idNumberMasked: row.idNumberMasked,
    communityId: row.communityId,
    communityName: row.community.name,
    householdId: row.householdId,
    relation: row.relation,
    tags: row.tags,
    mergedIntoId: row.mergedIntoId,
    openCases: row._count.cases,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A person the caller may see (merged records included: their page points to the kept one). */
export async function findVisiblePerson(db: Tx, user: SessionUser, id: string) {
  const row = await db.person.findFirst({ where: { id, ...visiblePeople(user) }, include: personInclude });
  if (!row) throw new AppError('NOT_FOUND', { message: `person ${id} not found` });
  return row;
}

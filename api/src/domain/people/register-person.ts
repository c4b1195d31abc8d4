import { randomUUID } from 'node:crypto';
import { protectIdNumber, type Db, type IdentityKeys, type Prisma } from '@guanai/db';
import type { Sex } from '@guanai/workflows/vocabulary';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPersonInput } from '../../routes/people/people.types.ts';
import { addressKey } from './address-key.ts';
import { assertNoDuplicates } from './assert-no-duplicates.ts';
import { findDuplicates } from './find-duplicates.ts';
import { personInclude, type PersonRow } from './person-dto.ts';

type Tx = Prisma.TransactionClient | Db;

/** The community a new person lives in: the one named (inside the caller's jurisdiction) or the caller's own. */
async function resolveCommunity(
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
 * (inside the caller's jurisdiction) or in a new one they head. Used by POST /people, by a case
 * opened for a new person (POST /cases) and by the roster import.
 */
export async function registerPerson(
  db: Db,
  keys: IdentityKeys,
  user: SessionUser,
  input: TPersonInput,
  options: RegisterOptions,
): Promise<PersonRow> {
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

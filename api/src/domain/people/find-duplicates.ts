import { hashIdNumber, maskName, type Db, type IdentityKeys, type Prisma } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { DUPLICATE_MATCHES, TDuplicate } from '../../routes/people/people.types.ts';
import { addressKey } from './address-key.ts';

type Tx = Prisma.TransactionClient | Db;

export type DuplicateMatch = (typeof DUPLICATE_MATCHES)[number];

/** null `id` when the record is outside the caller's jurisdiction: they learn that it exists, not who. */
export type Duplicate = TDuplicate;

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

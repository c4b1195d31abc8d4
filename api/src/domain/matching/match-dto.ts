import { maskName, type Prisma } from '@guanai/db';
import type { NeedCategory } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TMatch } from '../../routes/matches/matches.types.ts';
import { day } from './dates.ts';
import { needsOf } from './needs-of.ts';

/** What a match is read with: its resource, its ledger, and what the caller may see of its case. */
export const matchInclude = {
  resource: { select: { id: true, name: true, kind: true, providerId: true, provider: { select: { name: true } } } },
  deliveries: { orderBy: { deliveredOn: 'asc' } },
  case: {
    select: {
      id: true,
      caseNo: true,
      state: true,
      status: true,
      data: true,
      originUnit: { select: { name: true, parent: { select: { name: true } } } },
      person: { select: { name: true, phone: true, address: true } },
    },
  },
} satisfies Prisma.MatchInclude;

export type MatchRow = Prisma.MatchGetPayload<{ include: typeof matchInclude }>;

/**
 * A match as the caller may see it. Staff see the case; a partner sees only what delivery needs:
 * the need, the township and community, and once it has accepted, the person's name, phone and
 * address. Never an identity number, the situation, notes or other needs.
 */
export function toMatchDto(row: MatchRow, user: SessionUser): TMatch {
  const need = needsOf(row.case.data)[row.needIndex];
  const partner = user.role === 'PARTNER';
  const reveal = !partner || row.status === 'ACCEPTED';
  return {
    id: row.id,
    status: row.status,
    needIndex: row.needIndex,
    category: row.category as NeedCategory,
    severity: need?.severity ?? null,
    needDescription: need?.description ?? null,
    resourceId: row.resource.id,
    resourceName: row.resource.name,
    resourceKind: row.resource.kind,
    providerName: row.resource.provider.name,
    places: row.places,
    amount: Number(row.amount),
    note: row.note,
    declineReason: row.declineReason,
    caseNo: row.case.caseNo,
    ...(partner ? {} : { caseId: row.case.id, caseState: row.case.state, planItemId: row.planItemId }),
    communityName: row.case.originUnit.name,
    townshipName: row.case.originUnit.parent?.name ?? null,
    person: reveal
      ? { name: row.case.person.name, phone: row.case.person.phone, address: row.case.person.address }
      : { name: maskName(row.case.person.name), phone: null, address: null },
    deliveries: row.deliveries.map((d) => ({
      id: d.id,
      kind: d.kind,
      description: d.description,
      amount: d.amount === null ? null : Number(d.amount),
      quantity: d.quantity === null ? null : Number(d.quantity),
      hours: d.hours === null ? null : Number(d.hours),
      deliveredOn: day(d.deliveredOn),
      evidence: d.evidence,
    })),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

import { randomUUID } from 'node:crypto';
import { Prisma, type Db } from '@guanai/db';
import type { SnapshotKind } from '../vocabulary.ts';
import { campaignFigures } from './campaign-figures.ts';
import {
  canonicalJson,
  discloseMonth,
  snapshotHash,
  type Correction,
  type LedgerRow,
  type ProjectFigures,
  type SnapshotContent,
} from './snapshot.ts';

export interface PublishResult {
  period: string;
  version: number;
  kind: SnapshotKind | 'UNCHANGED';
  rows: number;
  suppressed: number;
}

/** The month's ledger, the projects' figures as of the month's end, and the month's corrections of donations. */
async function readLedger(
  db: Db,
  period: string,
): Promise<{ ledger: LedgerRow[]; projects: ProjectFigures[]; corrections: Correction[] }> {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1, 1));
  const end = new Date(Date.UTC(year, month, 1));
  const deliveries = await db.delivery.findMany({
    where: { deliveredOn: { gte: start, lt: end }, match: { status: 'ACCEPTED' } },
    include: {
      match: {
        select: {
          category: true,
          resource: { select: { id: true, name: true } },
          case: {
            select: {
              person: { select: { id: true, name: true } },
              originUnit: { select: { parent: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  const ledger: LedgerRow[] = deliveries.map((d) => ({
    recipientName: d.match.case.person.name,
    personId: d.match.case.person.id,
    township: d.match.case.originUnit.parent?.name ?? '',
    category: d.match.category,
    resourceId: d.match.resource.id,
    resource: d.match.resource.name,
    kind: d.kind,
    amount: d.amount === null ? null : Number(d.amount),
    hours: d.hours === null ? null : Number(d.hours),
    quantity: d.quantity === null ? null : Number(d.quantity),
    deliveredOn: d.deliveredOn.toISOString().slice(0, 10),
  }));
  // Per project, cumulative to the end of the month: money raised and given, people helped.
  const touched = await db.resource.findMany({
    where: {
      OR: [
        { matches: { some: { deliveries: { some: { deliveredOn: { lt: end } } } } } },
        { kind: 'FUNDRAISING', status: { in: ['PUBLISHED', 'PAUSED', 'CLOSED'] } },
      ],
    },
    select: { id: true, name: true, budget: true, kind: true },
  });
  // Sums in SQL numeric, never in floats: a campaign's figures from the same function as the public page's.
  const campaigns = new Map((await campaignFigures(db, { asOf: end })).map((c) => [c.id, c]));
  const given = await db.$queryRaw<{ resource_id: string; disbursed: string; helped: number }[]>`
    SELECT m.resource_id::text AS resource_id,
           (COALESCE(SUM(v.amount) FILTER (WHERE v.kind = 'MONEY'), 0))::numeric(14, 2)::text AS disbursed,
           COUNT(DISTINCT c.person_id)::int AS helped
    FROM delivery v JOIN "match" m ON m.id = v.match_id JOIN "case" c ON c.id = m.case_id
    WHERE m.status = 'ACCEPTED' AND v.delivered_on < ${end.toISOString().slice(0, 10)}::date
    GROUP BY m.resource_id`;
  const givenBy = new Map(given.map((g) => [g.resource_id, g]));
  const projects: ProjectFigures[] = touched.map((r) => {
    const campaign = campaigns.get(r.id);
    const helped = givenBy.get(r.id)?.helped ?? 0;
    if (campaign)
      return {
        resourceId: r.id,
        name: r.name,
        raised: Number(campaign.raised),
        disbursed: Number(campaign.spent),
        balance: Number(campaign.balance),
        helped,
      };
    const raised = r.kind === 'FUNDRAISING' ? new Prisma.Decimal(0) : (r.budget ?? new Prisma.Decimal(0));
    const disbursed = new Prisma.Decimal(givenBy.get(r.id)?.disbursed ?? 0);
    return {
      resourceId: r.id,
      name: r.name,
      raised: raised.toNumber(),
      disbursed: disbursed.toNumber(),
      balance: raised.minus(disbursed).toNumber(),
      helped,
    };
  });
  // §四(七): refunds and reversals are new ledger entries, shown in the month they were recorded.
  const entries = await db.donation.findMany({
    where: { kind: { not: 'DONATION' }, receivedOn: { gte: start, lt: end } },
    select: {
      kind: true,
      amount: true,
      reason: true,
      receivedOn: true,
      resource: { select: { name: true } },
      reverses: { select: { receiptNo: true } },
    },
  });
  const corrections: Correction[] = entries.map((e) => ({
    campaign: e.resource.name,
    receiptNo: e.reverses?.receiptNo ?? '',
    kind: e.kind as Correction['kind'],
    amount: e.amount.toFixed(2),
    reason: e.reason ?? '',
    date: e.receivedOn.toISOString().slice(0, 10),
  }));
  return { ledger, projects, corrections };
}

export function createDisclosureActivities({ db }: { db: Db }) {
  return {
    /**
     * Publishes a month: the first time as the original snapshot; later, only when the ledger has
     * changed since, as a correction (a new version, chained by hash); otherwise nothing.
     */
    async publishDisclosure({ period, threshold }: { period: string; threshold: number }): Promise<PublishResult> {
      const { ledger, projects, corrections } = await readLedger(db, period);
      const content: SnapshotContent = discloseMonth(period, ledger, projects, threshold, corrections);
      return db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`disclosure:${period}`}))`;
        const last = await tx.disclosureSnapshot.findFirst({ where: { period }, orderBy: { version: 'desc' } });
        const same =
          last &&
          canonicalJson({
            rows: last.rows,
            projects: last.projects,
            suppressed: last.suppressed,
            threshold: last.threshold,
            ...(last.corrections === null ? {} : { corrections: last.corrections }),
          }) === canonicalJson(content);
        if (same)
          return {
            period,
            version: last.version,
            kind: 'UNCHANGED' as const,
            rows: content.rows.length,
            suppressed: content.suppressed,
          };
        const version = (last?.version ?? 0) + 1;
        const kind = last ? 'CORRECTION' : 'ORIGINAL';
        await tx.disclosureSnapshot.create({
          data: {
            id: randomUUID(),
            period,
            version,
            kind,
            reason: last ? 'the ledger changed after publication (late or corrected deliveries)' : null,
            rows: content.rows as never,
            projects: content.projects as never,
            suppressed: content.suppressed,
            threshold,
            ...(content.corrections ? { corrections: content.corrections as never } : {}),
            prevHash: last?.hash ?? null,
            hash: snapshotHash(last?.hash ?? null, period, version, content),
          },
        });
        return { period, version, kind, rows: content.rows.length, suppressed: content.suppressed };
      });
    },
  };
}

export type DisclosureActivities = ReturnType<typeof createDisclosureActivities>;

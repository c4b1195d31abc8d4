import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import type { SnapshotKind } from '../vocabulary.ts';
import {
  canonicalJson,
  discloseMonth,
  snapshotHash,
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

/** The month's ledger and the projects' figures as of the month's end, from the database. */
async function readLedger(db: Db, period: string): Promise<{ ledger: LedgerRow[]; projects: ProjectFigures[] }> {
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
  // Per project, cumulative to the end of the month: money raised (budget) and given, people helped.
  const touched = await db.resource.findMany({
    where: {
      OR: [
        { matches: { some: { deliveries: { some: { deliveredOn: { lt: end } } } } } },
        { kind: 'FUNDRAISING', status: { in: ['PUBLISHED', 'PAUSED', 'CLOSED'] } },
      ],
    },
    select: {
      id: true,
      name: true,
      budget: true,
      donations: { where: { receivedOn: { lt: end } }, select: { amount: true } },
      kind: true,
    },
  });
  const projects: ProjectFigures[] = [];
  for (const r of touched) {
    const given = await db.delivery.findMany({
      where: { deliveredOn: { lt: end }, match: { resourceId: r.id, status: 'ACCEPTED' } },
      select: { kind: true, amount: true, match: { select: { case: { select: { personId: true } } } } },
    });
    const raised =
      r.kind === 'FUNDRAISING' ? r.donations.reduce((sum, d) => sum + Number(d.amount), 0) : Number(r.budget ?? 0);
    const disbursed = given.filter((g) => g.kind === 'MONEY').reduce((sum, g) => sum + Number(g.amount ?? 0), 0);
    projects.push({
      resourceId: r.id,
      name: r.name,
      raised: round(raised),
      disbursed: round(disbursed),
      balance: round(raised - disbursed),
      helped: new Set(given.map((g) => g.match.case.personId)).size,
    });
  }
  return { ledger, projects };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function createDisclosureActivities({ db }: { db: Db }) {
  return {
    /**
     * Publishes a month: the first time as the original snapshot; later, only when the ledger has
     * changed since, as a correction (a new version, chained by hash); otherwise nothing.
     */
    async publishDisclosure({ period, threshold }: { period: string; threshold: number }): Promise<PublishResult> {
      const { ledger, projects } = await readLedger(db, period);
      const content: SnapshotContent = discloseMonth(period, ledger, projects, threshold);
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

import type { Db, Prisma } from '@guanai/db';
import type { CampaignType } from '../vocabulary.ts';

/** What a campaign's figures are read through: the client or a transaction. */
export type FiguresDb = Pick<Db, '$queryRaw'> | Prisma.TransactionClient;

/**
 * One fundraising campaign's money, from the ledger alone, as decimal strings ("1234.56"): raised is
 * the sum of its donations ledger (refunds and reversals are negative entries in it), spent the sum of
 * the money delivered through its accepted matches, balance the one less the other.
 */
export interface CampaignFigures {
  id: string;
  name: string;
  type: CampaignType | null;
  /** A directed campaign's beneficiary, anonymised: the need category and the township, never the person. */
  beneficiary: { category: string | null; township: string | null } | null;
  target: string | null;
  raised: string;
  spent: string;
  balance: string;
}

interface FiguresRow {
  id: string;
  name: string;
  type: CampaignType | null;
  beneficiary_category: string | null;
  beneficiary_township: string | null;
  directed: boolean;
  target: string | null;
  raised: string;
  spent: string;
  balance: string;
}

/**
 * §四(七) 过程信息公开: every fundraising campaign past its draft (or with any entry in its ledger), with its figures as of `asOf` (entries
 * dated before that day; all of them when it is not given). Summed in SQL numeric, so the figures are
 * exact to the cent; the public campaigns page and the monthly disclosure both read them here, so they
 * cannot disagree. A case-directed campaign's township is the township of the community the case began in.
 */
export async function campaignFigures(
  db: FiguresDb,
  { asOf, ids }: { asOf?: Date | undefined; ids?: string[] | undefined } = {},
): Promise<CampaignFigures[]> {
  // A day as text, so the session's time zone cannot move it.
  const before = (asOf ?? new Date('9999-12-31T00:00:00Z')).toISOString().slice(0, 10);
  const rows = await db.$queryRaw<FiguresRow[]>`
    SELECT r.id::text AS id, r.name, r.campaign_type::text AS type,
           (r.campaign_type = 'DIRECTED') AS directed,
           r.beneficiary_category,
           COALESCE(t.name, ct.name) AS beneficiary_township,
           r.target::text AS target,
           f.raised::text AS raised, f.spent::text AS spent, (f.raised - f.spent)::numeric(14, 2)::text AS balance
    FROM resource r
    LEFT JOIN org_unit t ON t.id = r.beneficiary_township_id
    LEFT JOIN "case" c ON c.id = r.beneficiary_case_id
    LEFT JOIN org_unit cc ON cc.id = c.origin_unit_id
    LEFT JOIN org_unit ct ON ct.id = cc.parent_id
    CROSS JOIN LATERAL (
      SELECT
        (SELECT COALESCE(SUM(d.amount), 0) FROM donation d
          WHERE d.resource_id = r.id AND d.received_on < ${before}::date)::numeric(14, 2) AS raised,
        (SELECT COALESCE(SUM(v.amount), 0) FROM delivery v JOIN "match" m ON m.id = v.match_id
          WHERE m.resource_id = r.id AND m.status = 'ACCEPTED' AND v.kind = 'MONEY'
            AND v.delivered_on < ${before}::date)::numeric(14, 2) AS spent
    ) f
    WHERE r.kind = 'FUNDRAISING' AND (r.status <> 'DRAFT' OR EXISTS (SELECT 1 FROM donation d WHERE d.resource_id = r.id))
      AND (${ids ?? null}::uuid[] IS NULL OR r.id = ANY(${ids ?? null}::uuid[]))
    ORDER BY r.created_at, r.id`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    beneficiary: r.directed ? { category: r.beneficiary_category, township: r.beneficiary_township } : null,
    target: r.target,
    raised: r.raised,
    spent: r.spent,
    balance: r.balance,
  }));
}

import type { Prisma } from '@guanai/db';

/** What the partners whose pledges were still pending are told when accepted pledges cover the need. */
export const NEED_COVERED_REASON = '需求已满足';

/**
 * §四(六) a project leaves the platform once its need is covered: accepted MONEY pledges summing to its
 * amount, or, for a project without an amount (a service), any accepted pledge. It becomes FUNDED
 * (NEED_COVERED) and its pending pledges are declined 需求已满足, in one statement (sums in SQL, exact to
 * the fen). Runs in the accepting transaction, after the project row is held, so two acceptances count
 * one after the other. Answers whether it closed the project.
 */
export async function closeIfCovered(
  tx: Prisma.TransactionClient,
  { projectId, userId }: { projectId: string; userId: string },
): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ funded: bigint }[]>`
    WITH covered AS (
      SELECT p.id FROM project p
      WHERE p.id = ${projectId}::uuid AND p.status = 'PUBLISHED' AND CASE
        WHEN p.amount IS NULL THEN EXISTS (
          SELECT 1 FROM project_response r WHERE r.project_id = p.id AND r.status = 'ACCEPTED')
        ELSE (SELECT coalesce(sum(r.amount), 0) FROM project_response r
              WHERE r.project_id = p.id AND r.status = 'ACCEPTED' AND r.kind = 'MONEY') >= p.amount
      END
    ), funded AS (
      UPDATE project SET status = 'FUNDED', closed_reason = 'NEED_COVERED', closed_at = now()
      WHERE id IN (SELECT id FROM covered)
      RETURNING id
    ), declined AS (
      UPDATE project_response SET status = 'DECLINED', decline_reason = ${NEED_COVERED_REASON},
        decided_by_id = ${userId}::uuid, decided_at = now()
      WHERE project_id IN (SELECT id FROM funded) AND status = 'PENDING'
    )
    SELECT count(*) AS funded FROM funded`;
  return Number(row?.funded ?? 0) > 0;
}

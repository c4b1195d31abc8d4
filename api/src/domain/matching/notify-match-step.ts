import type { Prisma } from '@guanai/db';

export type MatchStep = 'MATCH_PROPOSED' | 'MATCH_ACCEPTED' | 'MATCH_DECLINED';

/**
 * The outbox rows of a match's step (issue 18), written in the step's own transaction: a proposal
 * tells the active users of the resource's partner, an answer tells the caseworker who proposed it.
 * One per user, kind and match (`ref`), so a retried request writes none twice.
 */
export async function notifyMatchStep(tx: Prisma.TransactionClient, matchId: string, step: MatchStep): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO notification (user_id, case_id, kind, ref)
    SELECT u.id, m.case_id, ${step}, ${`match:${matchId}`}
    FROM match m
    JOIN resource r ON r.id = m.resource_id
    JOIN app_user u ON u.active AND CASE
      WHEN ${step} = 'MATCH_PROPOSED' THEN u.role = 'PARTNER' AND u.partner_id = r.provider_id
      ELSE u.id = m.proposed_by_id
    END
    WHERE m.id = ${matchId}::uuid
    ON CONFLICT (user_id, kind, ref) DO NOTHING`;
}

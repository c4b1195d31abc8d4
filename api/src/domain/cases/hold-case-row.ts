import type { Prisma } from '@guanai/db';

/**
 * The case's state and status, read with the case row held (FOR SHARE) until the caller's transaction
 * ends: a closure projected meanwhile waits for that commit, and its effect (the workflow's: holds
 * released, projects withdrawn) then sees what the caller wrote; one projected before is seen here.
 * Taken first, before match or resource rows, in the order the case's writers lock them.
 */
export async function holdCaseRow(
  tx: Prisma.TransactionClient,
  caseId: string,
): Promise<{ state: string; status: string } | undefined> {
  const [row] = await tx.$queryRaw<{ state: string; status: string }[]>`
    SELECT state, status::text AS status FROM "case" WHERE id = ${caseId}::uuid FOR SHARE`;
  return row;
}

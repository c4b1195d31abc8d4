/**
 * Whether a write failed on a unique constraint: Prisma's P2002, or PostgreSQL's own message when the
 * statement was raw SQL. The callers turn it into the conflict it means (matched already, responded
 * already, surveyed already).
 */
export const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String((error as Error)?.message));

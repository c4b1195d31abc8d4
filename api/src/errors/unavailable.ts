/**
 * Whether an unexpected error means a backing service (PostgreSQL, Temporal) cannot serve now — the
 * answer is then a 503 the client may retry with its Idempotency-Key, not a 500. PostgreSQL says so
 * by its SQLSTATE, which Prisma's driver adapter puts in the message: class 08 (connection
 * exception), class 53 (insufficient resources: `53300` too many connections, from a role's limit or
 * the server's `max_connections`, which several replicas and workers on one server can reach) and
 * 57P01–57P03 (shutting down, cannot connect now).
 */
export function isUnavailable(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return (
    /Code: `(08\w{3}|53\w{3}|57P0[123])`/.test(message) ||
    /connect|ECONNREFUSED|ECONNRESET|unavailable|deadline|too many clients/i.test(message)
  );
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 1;

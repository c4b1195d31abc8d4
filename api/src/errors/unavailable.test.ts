import { describe, expect, it } from 'vitest';
import { isUnavailable } from './unavailable.ts';

// Messages as Prisma's pg adapter reports PostgreSQL's refusals (seen on this machine).
const prisma = (code: string, message: string) =>
  new Error(
    `\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``,
  );

describe('which errors mean a backing service cannot serve now (503, not 500)', () => {
  it('PostgreSQL out of connection slots, shutting down or unreachable; Temporal unavailable', () => {
    expect(isUnavailable(prisma('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isUnavailable(prisma('53300', 'too many connections for role "x"'))).toBe(true);
    expect(isUnavailable(prisma('57P03', 'the database system is starting up'))).toBe(true);
    expect(isUnavailable(prisma('08006', 'server closed the connection unexpectedly'))).toBe(true);
    expect(isUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isUnavailable(new Error('14 UNAVAILABLE: No connection established'))).toBe(true);
  });
  it('a bug or a constraint is not: it stays a 500', () => {
    expect(isUnavailable(prisma('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isUnavailable(prisma('42703', 'column "x" does not exist'))).toBe(false);
    expect(isUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});

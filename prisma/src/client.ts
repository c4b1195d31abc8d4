import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client.ts';

export interface DbOptions {
  url: string;
  /** Pool size; the embedded PGlite multiplexes few connections well. */
  max?: number;
}

/** The one place a Prisma client is constructed. */
export function createDb({ url, max = 10 }: DbOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max });
  return new PrismaClient({ adapter });
}

export type Db = PrismaClient;

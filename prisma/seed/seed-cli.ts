import { createDb } from '../src/client.ts';
import { databaseUrl } from '../src/config.ts';
import { seed } from './seed.ts';

const db = createDb({ url: databaseUrl() });
try {
  await seed(db, { log: (line) => console.log(line) });
} finally {
  await db.$disconnect();
}

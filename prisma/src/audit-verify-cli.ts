import { createDb } from './client.ts';
import { databaseUrl } from './config.ts';
import { verifyAuditChain } from './audit.ts';

const db = createDb({ url: databaseUrl(), max: 1 });
try {
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    console.log(`audit log intact: ${verdict.entries} entries`);
  } else {
    console.error(
      `audit log broken at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries before it verify)`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}

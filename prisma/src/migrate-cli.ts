import { databaseUrl } from './config.ts';
import { migrate } from './migrate.ts';

const result = await migrate({ url: databaseUrl(), log: (line) => console.log(line) });
console.log(`migrations: ${result.applied.length} applied, ${result.skipped.length} already applied`);

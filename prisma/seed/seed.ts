import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import type { Db } from '../src/client.ts';
import { childPath } from '../src/org-path.ts';
import type { OrgLevel, Role } from '../generated/client/client.ts';
import { sampleCommunities } from './communities.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface DivisionRow {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
}

/** Chengdu's statistical divisions (city, 20 districts and counties, 261 townships). */
export function readDivisions(file = join(here, 'chengdu-divisions.csv')): DivisionRow[] {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [code = '', name = '', level = '', parentCode = ''] = line.split(',');
    return { code, name, level: level as OrgLevel, parentCode: parentCode || null };
  });
}

export function sampleCommunityRows(divisions: DivisionRow[]): DivisionRow[] {
  const known = new Set(divisions.map((row) => row.code));
  return Object.entries(sampleCommunities).flatMap(([townshipCode, names]) => {
    if (!known.has(townshipCode)) throw new Error(`sample communities name an unknown township ${townshipCode}`);
    return names.map((name, i) => ({
      code: townshipCode.slice(0, 9) + String(i + 1).padStart(3, '0'),
      name,
      level: 'COMMUNITY' as const,
      parentCode: townshipCode,
    }));
  });
}

export const DEMO_PASSWORD = 'Guanai@2026';

/** One demo user per role, plus a second township and the upper tiers for jurisdiction demos. */
export const demoUsers: { username: string; displayName: string; role: Role; unitCode: string }[] = [
  { username: 'discoverer', displayName: '网格员 李明', role: 'DISCOVERER', unitCode: '510104017001' },
  { username: 'station', displayName: '站长 王芳', role: 'STATION_WORKER', unitCode: '510104017001' },
  { username: 'caseworker', displayName: '社工 张伟', role: 'CASEWORKER', unitCode: '510104017000' },
  { username: 'supervisor', displayName: '督导 陈静', role: 'SUPERVISOR', unitCode: '510104017000' },
  { username: 'caseworker2', displayName: '社工 刘洋 (东湖街道)', role: 'CASEWORKER', unitCode: '510104018000' },
  { username: 'district.supervisor', displayName: '区中心主任 赵强', role: 'SUPERVISOR', unitCode: '510104000000' },
  { username: 'city.supervisor', displayName: '市中心主任 周敏', role: 'SUPERVISOR', unitCode: '510100000000' },
  { username: 'manager', displayName: '民政 孙丽', role: 'MANAGER', unitCode: '510100000000' },
  { username: 'partner', displayName: '慈善会 吴军', role: 'PARTNER', unitCode: '510100000000' },
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', unitCode: '510100000000' },
];

/** Seeds the org tree and demo users. Idempotent: existing rows are left as they are. */
export async function seed(db: Db, { log = (_: string) => {} } = {}): Promise<{ orgUnits: number; users: number }> {
  const divisions = readDivisions();
  const rows = [...divisions, ...sampleCommunityRows(divisions)];
  const existing = await db.orgUnit.findMany({ select: { id: true, code: true, path: true } });
  const byCode = new Map(existing.map((unit) => [unit.code, unit]));
  let orgUnits = 0;
  for (const level of ['CITY', 'DISTRICT', 'TOWNSHIP', 'COMMUNITY'] as const) {
    const missing = rows.filter((row) => row.level === level && !byCode.has(row.code));
    if (missing.length === 0) continue;
    await db.orgUnit.createMany({
      data: missing.map((row) => {
        const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
        if (row.parentCode && !parent) throw new Error(`unit ${row.code} names unknown parent ${row.parentCode}`);
        return { code: row.code, name: row.name, level: row.level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, row.code) };
      }),
      skipDuplicates: true,
    });
    orgUnits += missing.length;
    const created = await db.orgUnit.findMany({ where: { level }, select: { id: true, code: true, path: true } });
    for (const unit of created) byCode.set(unit.code, unit);
  }
  log(`org units: ${orgUnits} created, ${byCode.size} in all`);

  const passwordHash = await hash(DEMO_PASSWORD);
  const known = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  const newUsers = demoUsers.filter((user) => !known.has(user.username));
  await db.user.createMany({
    data: newUsers.map((user) => ({
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: byCode.get(user.unitCode)!.id,
      passwordHash,
    })),
    skipDuplicates: true,
  });
  log(`demo users: ${newUsers.length} created`);
  return { orgUnits, users: newUsers.length };
}

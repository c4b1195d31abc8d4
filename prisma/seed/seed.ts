import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import type { Db } from '../src/client.ts';
import { childPath } from '../src/org-path.ts';
import type { OrgLevel } from '../generated/client/client.ts';
import { sampleCommunities } from './communities.ts';
import { DEMO_PASSWORD, demoUsers } from './demo-users.mjs';
import { calendarDays } from './calendar.ts';
import { defaultSlaPolicy } from './sla-policy.ts';
import { demoPartners, demoResources } from './catalogue.ts';
import { sampleEligibilityStandards } from './eligibility-standards.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface DivisionRow {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
}

/**
 * Chengdu's statistical divisions (city, 20 districts and counties, 261 townships), and the three
 * functional areas that run their own care network: 成都高新区, 四川天府新区成都直管区 and 成都东部新区.
 * They have no GB/T 2260 code, so they carry local codes 5101900…/5101910…/5101920…; the streets
 * they administer (托管) sit under them with their own statistical codes.
 */
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

export { DEMO_PASSWORD, demoUsers } from './demo-users.mjs';
export { calendarDays } from './calendar.ts';
export { defaultSlaPolicy, type SlaRow } from './sla-policy.ts';
export { demoPartners, demoResources } from './catalogue.ts';

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
        return {
          code: row.code,
          name: row.name,
          level: row.level,
          parentId: parent?.id ?? null,
          path: childPath(parent?.path ?? null, row.code),
        };
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

  await db.partner.createMany({ data: demoPartners, skipDuplicates: true });
  const partners = new Map(
    (await db.partner.findMany({ select: { id: true, name: true } })).map((p) => [p.name, p.id]),
  );
  for (const user of demoUsers) {
    if (user.partner)
      await db.user.updateMany({
        where: { username: user.username, partnerId: null },
        data: { partnerId: partners.get(user.partner)! },
      });
  }
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' }, select: { id: true } });
  const knownResources = new Set((await db.resource.findMany({ select: { name: true } })).map((r) => r.name));
  const year = new Date().getUTCFullYear();
  await db.resource.createMany({
    data: demoResources
      .filter((r) => !knownResources.has(r.name))
      .map(({ provider, coverageCode, deadline, ...r }) => ({
        ...r,
        providerId: partners.get(provider)!,
        coverageUnitId: byCode.get(coverageCode)!.id,
        status: 'PUBLISHED' as const,
        validFrom: new Date(`${year}-01-01T00:00:00Z`),
        validTo: new Date(`${year + 1}-12-31T00:00:00Z`),
        ...(deadline ? { deadline: new Date(`${deadline}T00:00:00Z`) } : {}),
        createdById: admin.id,
      })),
  });

  await db.slaPolicy.createMany({ data: defaultSlaPolicy, skipDuplicates: true });
  await db.calendarDay.createMany({
    data: calendarDays.map(([date, kind, name]) => ({ date: new Date(`${date}T00:00:00Z`), kind, name })),
    skipDuplicates: true,
  });
  // 救助标准 (sample data, marked as such): the city's and one district's, the later superseding the earlier.
  await db.eligibilityStandard.createMany({
    data: sampleEligibilityStandards.map(({ districtCode, effectiveFrom, ...row }) => ({
      ...row,
      districtId: districtCode ? byCode.get(districtCode)!.id : null,
      effectiveFrom: new Date(`${effectiveFrom}T00:00:00Z`),
      sample: true,
      createdById: admin.id,
    })),
    skipDuplicates: true,
  });
  return { orgUnits, users: newUsers.length };
}

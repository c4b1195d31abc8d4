import type { Db, OrgLevel } from '@guanai/db';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import type { OrgRosterProblem, OrgRosterRow } from './parse-org-roster.ts';

/**
 * Checks every row against the database and the rest of the file: a 12-digit code not used twice,
 * a name, a known level, and a parent (in the database or anywhere in the file) one level up.
 */
export async function checkOrgRoster(db: Db, rows: OrgRosterRow[]): Promise<OrgRosterProblem[]> {
  const problems: OrgRosterProblem[] = [];
  const existing = new Map(
    (await db.orgUnit.findMany({ select: { code: true, level: true } })).map((u) => [u.code, u.level as string]),
  );
  const levelInFile = new Map<string, string>();
  for (const row of rows) if (!levelInFile.has(row.code)) levelInFile.set(row.code, row.level);
  const inFile = new Set<string>();
  for (const row of rows) {
    if (!/^\d{12}$/.test(row.code))
      problems.push({ line: row.line, field: 'code', reason: 'must be a 12-digit division code' });
    else if (existing.has(row.code) || inFile.has(row.code))
      problems.push({ line: row.line, field: 'code', reason: `duplicate code ${row.code}` });
    if (!row.name || row.name.length > 100)
      problems.push({ line: row.line, field: 'name', reason: 'is required (at most 100 characters)' });
    const level = ORG_LEVELS.indexOf(row.level as OrgLevel);
    if (level < 0) problems.push({ line: row.line, field: 'level', reason: `must be one of ${ORG_LEVELS.join(', ')}` });
    else if (level === 0) problems.push({ line: row.line, field: 'level', reason: 'the city cannot be imported' });
    else {
      const parentLevel = existing.get(row.parentCode) ?? levelInFile.get(row.parentCode);
      if (!parentLevel)
        problems.push({
          line: row.line,
          field: 'parent_code',
          reason: `unknown parent ${row.parentCode || '(empty)'}`,
        });
      else if (parentLevel !== ORG_LEVELS[level - 1])
        problems.push({
          line: row.line,
          field: 'level',
          reason: `a ${row.level} must be under a ${ORG_LEVELS[level - 1]}, and ${row.parentCode} is a ${parentLevel}`,
        });
    }
    inFile.add(row.code);
  }
  return problems;
}

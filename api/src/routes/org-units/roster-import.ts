import type { Db, OrgLevel } from '@guanai/db';
import { childPath } from '@guanai/db';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';

export interface RosterRow {
  line: number;
  code: string;
  name: string;
  level: string;
  parentCode: string;
}

export interface RosterProblem {
  line: number;
  field: 'code' | 'name' | 'level' | 'parent_code' | '(row)';
  reason: string;
}

const HEADER = ['code', 'name', 'level', 'parent_code'];

/** Parses a roster CSV (code,name,level,parent_code; a header line; no quoted commas in names). */
export function parseRoster(text: string): { rows: RosterRow[]; problems: RosterProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(','))
    return { rows: [], problems: [{ line: 1, field: '(row)', reason: `the header must be ${HEADER.join(',')}` }] };
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== 4)
      problems.push({ line: i + 2, field: '(row)', reason: `expected 4 columns, found ${cells.length}` });
    else
      rows.push({
        line: i + 2,
        code: cells[0]!,
        name: cells[1]!,
        level: cells[2]!.toUpperCase(),
        parentCode: cells[3]!,
      });
  });
  return { rows, problems };
}

/**
 * Checks every row against the database and the rest of the file: a 12-digit code not used twice,
 * a name, a known level, and a parent (in the database or anywhere in the file) one level up.
 */
export async function checkRoster(db: Db, rows: RosterRow[]): Promise<RosterProblem[]> {
  const problems: RosterProblem[] = [];
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

/** Imports checked rows in one transaction, parents before children. */
export async function importRoster(db: Db, rows: RosterRow[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const byCode = new Map(
      (await tx.orgUnit.findMany({ select: { id: true, code: true, path: true } })).map((u) => [u.code, u]),
    );
    for (const row of [...rows].sort(
      (a, b) => ORG_LEVELS.indexOf(a.level as OrgLevel) - ORG_LEVELS.indexOf(b.level as OrgLevel),
    )) {
      const parent = byCode.get(row.parentCode)!;
      const unit = await tx.orgUnit.create({
        data: {
          code: row.code,
          name: row.name,
          level: row.level as OrgLevel,
          parentId: parent.id,
          path: childPath(parent.path, row.code),
        },
        select: { id: true, code: true, path: true },
      });
      byCode.set(unit.code, unit);
    }
    return rows.length;
  });
}

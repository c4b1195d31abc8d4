import { childPath, type Db, type OrgLevel } from '@guanai/db';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import { AppError } from '../../errors/app-error.ts';
import type { TOrgRosterImportResult } from '../../routes/org-units/org-units.types.ts';
import { checkOrgRoster } from './check-org-roster.ts';
import { parseOrgRoster } from './parse-org-roster.ts';

const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

/**
 * Imports townships, villages and communities from a CSV roster (code,name,level,parent_code): every
 * row is checked first, and nothing is imported unless all are clean (a 422 names each problem by
 * line). A dry run stops there; otherwise the rows go in one transaction, parents before children.
 */
export async function importOrgRoster({
  db,
  text,
  dryRun,
}: {
  db: Db;
  text: string;
  dryRun: boolean;
}): Promise<TOrgRosterImportResult> {
  if (!text.trim() || text.length > MAX_ROSTER_BYTES)
    throw new AppError('VALIDATION', {
      message: `a CSV roster of at most ${MAX_ROSTER_BYTES / 1024 / 1024} MB is required`,
      field: '(body)',
    });
  const { rows, problems: parseProblems } = parseOrgRoster(text);
  const problems = [...parseProblems, ...(await checkOrgRoster(db, rows))].sort((a, b) => a.line - b.line);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', {
      message: `${problems.length} problem(s) in the roster; nothing was imported`,
      errors: problems.map((p) => ({ field: `line ${p.line}: ${p.field}`, reason: p.reason })),
    });
  }
  if (dryRun) return { dryRun, rows: rows.length, imported: 0 };
  const imported = await db.$transaction(async (tx) => {
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
  return { dryRun, rows: rows.length, imported };
}

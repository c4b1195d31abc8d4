export interface OrgRosterRow {
  line: number;
  code: string;
  name: string;
  level: string;
  parentCode: string;
}

export interface OrgRosterProblem {
  line: number;
  field: 'code' | 'name' | 'level' | 'parent_code' | '(row)';
  reason: string;
}

const HEADER = ['code', 'name', 'level', 'parent_code'];

/** Parses a roster CSV (code,name,level,parent_code; a header line; no quoted commas in names). */
export function parseOrgRoster(text: string): { rows: OrgRosterRow[]; problems: OrgRosterProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(','))
    return { rows: [], problems: [{ line: 1, field: '(row)', reason: `the header must be ${HEADER.join(',')}` }] };
  const rows: OrgRosterRow[] = [];
  const problems: OrgRosterProblem[] = [];
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

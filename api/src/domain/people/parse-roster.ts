import { ID_TYPES, RELATIONS, VULNERABILITY_TAGS } from '@guanai/workflows/vocabulary';
import { ZCreatePersonSchema, type TPersonInput } from '../../routes/people/people.types.ts';
import { fieldErrors } from '../../validation.ts';
import type { Cell } from './read-cells.ts';

/** A roster's columns: Chinese header, English header. */
const COLUMNS = {
  name: ['姓名', 'name'],
  idType: ['证件类型', 'id_type'],
  idNumber: ['证件号码', 'id_number'],
  sex: ['性别', 'sex'],
  birthDate: ['出生日期', 'birth_date'],
  phone: ['电话', 'phone'],
  address: ['住址', 'address'],
  hukou: ['户籍', 'hukou'],
  communityCode: ['社区代码', 'community_code'],
  householdNo: ['户编号', 'household_no'],
  relation: ['与户主关系', 'relation'],
  tags: ['标签', 'tags'],
} as const;

type Column = keyof typeof COLUMNS;

const SEX: Record<string, string> = { 男: 'M', 女: 'F', M: 'M', F: 'F' };
const HUKOU: Record<string, string> = {
  成都: 'CHENGDU',
  本市: 'CHENGDU',
  成都市: 'CHENGDU',
  外地: 'OTHER',
  非成都: 'OTHER',
  CHENGDU: 'CHENGDU',
  OTHER: 'OTHER',
};
const ID_TYPE_NAMES: Record<string, string> = {
  居民身份证: 'RESIDENT_ID',
  身份证: 'RESIDENT_ID',
  港澳居民来往内地通行证: 'HK_MACAO_PERMIT',
  港澳通行证: 'HK_MACAO_PERMIT',
  台湾居民来往大陆通行证: 'TAIWAN_PERMIT',
  台胞证: 'TAIWAN_PERMIT',
  护照: 'PASSPORT',
  外国人永久居留身份证: 'FOREIGN_PERMANENT_ID',
  其他: 'OTHER',
  ...Object.fromEntries(ID_TYPES.map((t) => [t, t])),
};
const RELATION_NAMES: Record<string, string> = {
  户主: 'HEAD',
  本人: 'HEAD',
  配偶: 'SPOUSE',
  子女: 'CHILD',
  儿子: 'CHILD',
  女儿: 'CHILD',
  父母: 'PARENT',
  孙子女: 'GRANDCHILD',
  祖父母: 'GRANDPARENT',
  兄弟姐妹: 'SIBLING',
  其他: 'OTHER',
  ...Object.fromEntries(RELATIONS.map((r) => [r, r])),
};
export const TAG_NAMES: Record<string, string> = {
  独居老人: 'ELDERLY_ALONE',
  留守老人: 'LEFT_BEHIND_ELDERLY',
  残疾: 'DISABILITY',
  残疾人: 'DISABILITY',
  重病: 'SERIOUS_ILLNESS',
  大病: 'SERIOUS_ILLNESS',
  留守儿童: 'LEFT_BEHIND_CHILD',
  事实无人抚养儿童: 'UNSUPPORTED_CHILD',
  低保: 'DIBAO',
  特困: 'TEKUN',
  低收入: 'LOW_INCOME',
  单亲: 'SINGLE_PARENT',
  失业: 'UNEMPLOYED',
  ...Object.fromEntries(VULNERABILITY_TAGS.map((t) => [t, t])),
};

export interface RosterProblem {
  line: number;
  field: string;
  reason: string;
}

/** A row of a roster after parsing: the person to register, or why it cannot be. */
export interface RosterRow {
  line: number;
  person?: Omit<TPersonInput, 'communityId' | 'householdId'>;
  communityCode?: string;
  householdNo?: string;
  problems: RosterProblem[];
}

function text(cell: Cell, column: Column, problems: RosterProblem[], line: number): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && column === 'idNumber' && String(cell).replace(/\D/g, '').length >= 15) {
    // Excel keeps 15 significant digits: an 18-digit number typed as a number has lost its tail.
    problems.push({
      line,
      field: COLUMNS.idNumber[0],
      reason: 'was stored as a number and lost its last digits; format the column as text in Excel',
    });
    return '';
  }
  return String(cell).trim();
}

/** Looks a value up in a table of names; an unknown value is a problem naming the column. */
function lookUp(
  value: string,
  table: Record<string, string>,
  column: Column,
  problems: RosterProblem[],
  line: number,
): string | undefined {
  if (!value) return undefined;
  const code = table[value] ?? table[value.toUpperCase()];
  if (!code) problems.push({ line, field: COLUMNS[column][0], reason: `unknown value “${value}”` });
  return code;
}

/**
 * Maps a roster's header to our columns (Chinese or English names), then turns each row into a
 * person to register, with every problem of the row named by its line and column.
 */
export function parseRoster(cells: Cell[][]): { rows: RosterRow[]; fileProblem?: string } {
  const header = (cells[0] ?? []).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const index = new Map<Column, number>();
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const at = header.findIndex((h) => names.includes(h));
    if (at >= 0) index.set(column, at);
  }
  if (!index.has('name'))
    return {
      rows: [],
      fileProblem: `the first row must be a header with at least the column 姓名 (name); known columns: ${Object.values(
        COLUMNS,
      )
        .map((n) => n[0])
        .join(', ')}`,
    };
  const rows = cells.slice(1).map((cellsOfRow, i): RosterRow => {
    const line = i + 2;
    const problems: RosterProblem[] = [];
    const get = (column: Column) =>
      index.has(column) ? text(cellsOfRow[index.get(column)!], column, problems, line) : '';
    const birth = get('birthDate')
      .replace(/[./]/g, '-')
      .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
      .replace(/-(\d)$/, '-0$1');
    const tags = get('tags')
      .split(/[;；、|,，]/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => lookUp(t, TAG_NAMES, 'tags', problems, line))
      .filter((t): t is string => !!t);
    const candidate = {
      name: get('name'),
      idType: lookUp(get('idType'), ID_TYPE_NAMES, 'idType', problems, line),
      idNumber: get('idNumber') || undefined,
      sex: lookUp(get('sex'), SEX, 'sex', problems, line),
      birthDate: birth || undefined,
      phone: get('phone') || undefined,
      address: get('address') || undefined,
      hukou: lookUp(get('hukou'), HUKOU, 'hukou', problems, line),
      relation: lookUp(get('relation'), RELATION_NAMES, 'relation', problems, line),
      tags: [...new Set(tags)],
    };
    const parsed = ZCreatePersonSchema.safeParse(
      Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
    );
    if (!parsed.success) {
      for (const e of fieldErrors(parsed.error)) {
        const column = columnOf(e.field);
        if (!problems.some((p) => p.field === column)) problems.push({ line, field: column, reason: e.reason });
      }
    }
    const communityCode = get('communityCode') || undefined;
    const householdNo = get('householdNo') || undefined;
    if (problems.length > 0 || !parsed.success) return { line, problems, ...(communityCode ? { communityCode } : {}) };
    const { confirmNotDuplicate: _, communityId: __, householdId: ___, ...person } = parsed.data;
    return {
      line,
      person,
      problems,
      ...(communityCode ? { communityCode } : {}),
      ...(householdNo ? { householdNo } : {}),
    };
  });
  // The same document twice in one file: the second is a duplicate of the first.
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.person?.idNumber) continue;
    const key = `${row.person.idType ?? 'RESIDENT_ID'}:${row.person.idNumber}`;
    const first = seen.get(key);
    if (first)
      row.problems.push({ line: row.line, field: COLUMNS.idNumber[0], reason: `the same document as line ${first}` });
    else seen.set(key, row.line);
  }
  return { rows };
}

/** The roster column of a person field (idNumber → 证件号码), for problems found after parsing. */
export const columnOf = (field: string) => COLUMNS[field as Column]?.[0] ?? field;

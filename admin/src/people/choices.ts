/** The registry's vocabularies (docs/registry-api.md), as react-admin choices with i18n keys. */

export const TAGS = [
  'ELDERLY_ALONE', // 独居老人
  'LEFT_BEHIND_ELDERLY', // 留守老人
  'DISABILITY', // 残疾
  'SERIOUS_ILLNESS', // 重病
  'LEFT_BEHIND_CHILD', // 留守儿童
  'UNSUPPORTED_CHILD', // 事实无人抚养儿童
  'DIBAO', // 低保: minimum living allowance
  'TEKUN', // 特困: extreme-poverty support
  'LOW_INCOME', // 低收入
  'SINGLE_PARENT', // 单亲
  'UNEMPLOYED', // 失业
] as const;

export const RELATIONS = ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER'] as const;

export const ID_TYPES = ['RESIDENT_ID', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT', 'FOREIGN_PERMANENT_ID', 'OTHER'] as const;

const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const tagChoices = choices('guanai.tags', TAGS);
export const relationChoices = choices('guanai.relations', RELATIONS);
export const idTypeChoices = choices('guanai.idTypes', ID_TYPES);
export const sexChoices = choices('guanai.sex', ['M', 'F']);
export const hukouChoices = choices('guanai.hukou', ['CHENGDU', 'OTHER']);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643: 17 digits and a check character (the API checks again; this only warns early). */
export function isResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

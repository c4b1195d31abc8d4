/** The registry's vocabularies (@guanai/workflows/vocabulary), as react-admin choices with i18n keys. */

import { HUKOU, ID_TYPES, RELATIONS, SEXES, VULNERABILITY_TAGS } from '@guanai/workflows/vocabulary';

const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const tagChoices = choices('guanai.tags', VULNERABILITY_TAGS);
export const relationChoices = choices('guanai.relations', RELATIONS);
export const idTypeChoices = choices('guanai.idTypes', ID_TYPES);
export const sexChoices = choices('guanai.sex', SEXES);
export const hukouChoices = choices('guanai.hukou', HUKOU);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643: 17 digits and a check character (the API checks again; this only warns early). */
export function isResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

import { zh } from '../i18n/zh/index.ts';

/**
 * A code's Chinese name from the admin's own zh messages (`zhLabel('guanai.schemes', 'DIBAO')` is 最低生活保障):
 * paper is Chinese whatever language the screen is in. A code without a name is printed as it is.
 */
export function zhLabel(branch: string, code: string | null | undefined): string {
  if (code == null) return '';
  let node: unknown = zh;
  for (const key of [...branch.split('.'), code]) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === 'string' ? node : code;
}

const BEIJING = 8 * 3_600_000;
/** A time as Beijing wall-clock time, `YYYY-MM-DD HH:mm`. */
export const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + BEIJING).toISOString().slice(0, 16).replace('T', ' ');
/** A time's Beijing date, `YYYY-MM-DD`. */
export const beijingDay = (iso: string | null | undefined) => (iso ? beijingTime(iso).slice(0, 10) : '');

/** Yuan as the API sends them (an exact decimal string, "1234.50"), with thousands separators: "1,234.50". */
export function yuanText(amount: string | null | undefined): string {
  if (amount == null) return '';
  const [whole = '0', cents = '00'] = amount.replace(/^-/, '').split('.');
  return `${amount.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.padEnd(2, '0')}`;
}

/** `2026-10` as 2026年10月. */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

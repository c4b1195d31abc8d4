const FIELDS = ['name', 'kind', 'creditCode', 'contact', 'phone', 'active'] as const;

const value = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const blank = (v: unknown) => v === undefined || v === null || v === '';

/** POST /api/partners: the fields filled in. */
export function partnerCreateBody(values: Partial<TPartner>) {
  return Object.fromEntries(FIELDS.map((f) => [f, value(values[f])]).filter(([, v]) => !blank(v)));
}

/** PUT /api/partners/:id: what changed (a cleared optional field cannot be sent empty: the API keeps it). */
export function partnerChangedFields(
  values: Partial<TPartner>,
  { previousData }: { previousData?: Partial<TPartner> } = {},
) {
  return Object.fromEntries(
    FIELDS.map((f) => [f, value(values[f])]).filter(
      ([f, v]) => !blank(v) && v !== (previousData?.[f as keyof TPartner] ?? null),
    ),
  );
}
import type { TPartner } from '@guanai/api/types';

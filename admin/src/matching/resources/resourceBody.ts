import type { TResource } from '@guanai/api/types';
import type { Eligibility } from '../types.ts';
import { cleanEligibility } from './eligibility.ts';

type Values = Partial<TResource> & Record<string, unknown>;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (blank(v) ? null : String(v).trim());
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The fields only a kind has: a purchased service its contract, a campaign its type, target and deadline. */
const KIND_FIELDS: Record<string, string[]> = {
  PURCHASED_SERVICE: ['contractNo', 'serviceStandard'],
  FUNDRAISING: ['campaignType', 'target', 'deadline'],
};
/** §四(三) 定向募捐: only a directed campaign names a beneficiary; any other sends them cleared. */
const BENEFICIARY_FIELDS = ['beneficiaryCaseId', 'beneficiaryCategory', 'beneficiaryTownshipId'];
const ALL_KIND_FIELDS = Object.values(KIND_FIELDS).flat();

/**
 * A form's values in the API's terms, one entry per field the catalogue lets an admin or manager
 * set: text trimmed (null when blank), numbers or null, eligibility cleaned, and only the kind's
 * own fields. A campaign's budget is what was raised (donations), never typed in.
 */
function normalise(values: Values, kind: string) {
  const own = KIND_FIELDS[kind] ?? [];
  const fields: Record<string, unknown> = {
    name: text(values.name),
    description: text(values.description),
    providerId: values.providerId ?? null,
    coverageUnitId: values.coverageUnitId ?? null,
    categories: values.categories ?? [],
    eligibility: cleanEligibility(values.eligibility as Eligibility),
    capacity: num(values.capacity),
    validFrom: text(values.validFrom),
    validTo: text(values.validTo),
    ...(kind === 'FUNDRAISING' ? {} : { budget: num(values.budget) }),
  };
  for (const field of ALL_KIND_FIELDS.filter((f) => own.includes(f)))
    fields[field] = field === 'target' ? num(values[field]) : text(values[field]);
  if (kind === 'FUNDRAISING')
    for (const field of BENEFICIARY_FIELDS)
      fields[field] = values.campaignType === 'DIRECTED' ? text(values[field]) : null;
  return fields;
}

/** The API refuses null for these (optional strings and campaign fields): a cleared text is sent empty, a cleared campaign field not at all. */
const NOT_NULLABLE_TEXT = ['description', 'contractNo', 'serviceStandard'];
const NEVER_CLEARED = ['name', 'providerId', 'coverageUnitId', 'campaignType', 'target', 'deadline'];

/** POST /api/resources: what was filled in; a new campaign starts with nothing raised. */
export function createBody(values: Values) {
  const kind = String(values.kind);
  const fields = Object.fromEntries(Object.entries(normalise(values, kind)).filter(([, v]) => v !== null));
  return { kind, ...fields, ...(kind === 'FUNDRAISING' ? { budget: 0 } : {}) };
}

/** Canonical JSON: object keys sorted, lists of words sorted (a checkbox group keeps click order). */
function canonical(value: unknown): string {
  if (Array.isArray(value))
    return JSON.stringify(value.every((v) => typeof v === 'string') ? [...value].sort() : value.map(canonical));
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * PUT /api/resources/:id: only the editable fields that changed — never `kind` (fixed at creation),
 * the status (its own route) or what the API computes (reservations, names, dates of record).
 */
export function changedResourceFields(values: Values, { previousData }: { previousData?: Values } = {}) {
  const kind = String(previousData?.kind ?? values.kind);
  const next = normalise(values, kind);
  const before = previousData ? normalise(previousData, kind) : {};
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (canonical(value) === canonical(before[field])) continue;
    if (value === null && NEVER_CLEARED.includes(field)) continue;
    body[field] = value === null && NOT_NULLABLE_TEXT.includes(field) ? '' : value;
  }
  return body;
}

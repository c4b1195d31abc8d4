import type { Db, FormDefinition, FormKind } from '@guanai/db';
import type { TFormDefinition } from '../../routes/forms/forms.types.ts';

export const formInclude = {
  district: { select: { name: true } },
  createdBy: { select: { displayName: true } },
  publishedBy: { select: { displayName: true } },
} as const;

type FormRow = FormDefinition & {
  district: { name: string } | null;
  createdBy: { displayName: string } | null;
  publishedBy: { displayName: string } | null;
};

const scopeKey = (kind: FormKind, districtId: string | null) => `${kind}/${districtId ?? 'city'}`;

/** The latest published version of each kind and scope among these rows' scopes: the ones marked current. */
export async function currentIds(db: Db, rows: Pick<FormDefinition, 'kind' | 'districtId'>[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const published = await db.formDefinition.findMany({
    where: {
      status: 'PUBLISHED',
      OR: rows.map((row) => ({ kind: row.kind, districtId: row.districtId })),
    },
    select: { id: true, kind: true, districtId: true, version: true },
    orderBy: { version: 'desc' },
  });
  const latest = new Map<string, string>();
  for (const row of published) {
    const key = scopeKey(row.kind, row.districtId);
    if (!latest.has(key)) latest.set(key, row.id);
  }
  return new Set(latest.values());
}

export function toFormDto(row: FormRow, current: Set<string>): TFormDefinition {
  return {
    id: row.id,
    kind: row.kind,
    districtId: row.districtId,
    districtName: row.district?.name ?? null,
    version: row.version,
    status: row.status,
    schema: row.schema as Record<string, unknown>,
    layout: row.layout as TFormDefinition['layout'],
    current: current.has(row.id),
    createdByName: row.createdBy?.displayName ?? null,
    createdAt: row.createdAt.toISOString(),
    publishedByName: row.publishedBy?.displayName ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** One row as its DTO, with its current flag. */
export async function formDto(db: Db, row: FormRow): Promise<TFormDefinition> {
  return toFormDto(row, await currentIds(db, [row]));
}

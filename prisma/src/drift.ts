import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * Drift check between schema.prisma and a migrated database. Prisma's own `migrate diff` needs the
 * native schema engine, which cannot be fetched here, so this reads the parts of the schema this
 * project uses (models, enums, native types, optionality, defaults' presence, ids, uniques,
 * indexes, relations) and compares them with the catalog.
 */

interface Field {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
}
interface Model {
  name: string;
  table: string;
  fields: Field[];
  blockAttrs: string[];
}

export interface ParsedSchema {
  enums: Map<string, string[]>;
  models: Model[];
}

export function parseSchema(text: string): ParsedSchema {
  const clean = text.replace(/\/\/.*$/gm, '');
  const enums = new Map<string, string[]>();
  for (const [, name, body] of clean.matchAll(/enum\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    enums.set(
      name!,
      body!
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]!)
        .filter(Boolean),
    );
  }
  const models: Model[] = [];
  for (const [, name, body] of clean.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const lines = body!
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const blockAttrs = lines.filter((l) => l.startsWith('@@'));
    const table = blockAttrs.map((a) => a.match(/^@@map\("([^"]+)"\)/)?.[1]).find(Boolean) ?? name!;
    const fields = lines
      .filter((l) => !l.startsWith('@@'))
      .map((l) => {
        const [, fieldName, type, list, optional, attrs = ''] = l.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/) ?? [];
        return {
          name: fieldName!,
          type: type!,
          list: !!list,
          optional: !!optional,
          attrs,
          column: attrs.match(/@map\("([^"]+)"\)/)?.[1] ?? fieldName!,
        };
      });
    models.push({ name: name!, table, fields, blockAttrs });
  }
  return { enums, models };
}

const SCALAR_PG: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Float: 'double precision',
  Bytes: 'bytea',
  Decimal: 'numeric(65,30)',
};

function expectedType(field: Field, enums: Map<string, string[]>): string {
  if (field.list) return `${expectedType({ ...field, list: false }, enums)}[]`;
  if (enums.has(field.type)) return `enum ${field.type}`;
  const native = field.attrs.match(/@db\.(\w+)(?:\(([^)]*)\))?/);
  if (native) {
    const [, kind, arg] = native;
    const map: Record<string, string> = {
      Uuid: 'uuid',
      Date: 'date',
      Timestamptz: `timestamptz(${arg ?? 6})`,
      Timestamp: `timestamp(${arg ?? 6})`,
      VarChar: `varchar(${arg})`,
      Text: 'text',
      Integer: 'integer',
      Decimal: `numeric(${arg?.replace(/\s/g, '')})`,
    };
    return map[kind!] ?? `unsupported ${kind}`;
  }
  return SCALAR_PG[field.type] ?? `unsupported ${field.type}`;
}

const columnsOf = (model: Model, names: string) =>
  names
    .split(',')
    .map((n) => n.trim().replace(/\(.*$/, ''))
    .filter(Boolean)
    .map((n) => model.fields.find((f) => f.name === n)?.column ?? `?${n}`);

/** Differences between the schema and the database, as sentences; empty when they agree. */
export async function findDrift({ url, schemaPath }: { url: string; schemaPath: string }): Promise<string[]> {
  const schema = parseSchema(readFileSync(schemaPath, 'utf8'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const drift: string[] = [];
    const modelNames = new Set(schema.models.map((m) => m.name));

    const { rows: enumRows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const dbEnums = new Map(enumRows.map((r) => [r.name, r.values]));
    for (const [name, values] of schema.enums) {
      const actual = dbEnums.get(name);
      if (!actual) drift.push(`enum ${name} is missing in the database`);
      else if (actual.join(',') !== values.join(','))
        drift.push(`enum ${name} has values ${actual.join(',')} in the database, ${values.join(',')} in the schema`);
    }
    for (const name of dbEnums.keys())
      if (!schema.enums.has(name)) drift.push(`enum ${name} is in the database but not in the schema`);

    const { rows: columnRows } = await client.query<{
      table_name: string;
      column_name: string;
      type: string;
      nullable: boolean;
      has_default: boolean;
    }>(
      `SELECT c.relname AS table_name, a.attname AS column_name,
              CASE WHEN t.typtype = 'e' THEN 'enum ' || t.typname
                   ELSE regexp_replace(format_type(a.atttypid, a.atttypmod), '^(timestamp|time)\\((\\d)\\) with time zone$', '\\1tz(\\2)') END AS type,
              NOT a.attnotnull AS nullable, a.atthasdef AS has_default
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
    );
    const normalise = (type: string) =>
      type
        .replace(/^timestamp\((\d)\) without time zone$/, 'timestamp($1)')
        .replace(/^character varying/, 'varchar')
        .replace(/^timestamptz\((\d)\)$/, 'timestamptz($1)');
    const dbTables = new Map<string, typeof columnRows>();
    for (const row of columnRows) dbTables.set(row.table_name, [...(dbTables.get(row.table_name) ?? []), row]);

    for (const model of schema.models) {
      const columns = dbTables.get(model.table);
      if (!columns) {
        drift.push(`table ${model.table} (model ${model.name}) is missing in the database`);
        continue;
      }
      const scalars = model.fields.filter((f) => !modelNames.has(f.type)); // scalar lists included
      for (const field of scalars) {
        const column = columns.find((c) => c.column_name === field.column);
        if (!column) {
          drift.push(`column ${model.table}.${field.column} is missing in the database`);
          continue;
        }
        const want = expectedType(field, schema.enums);
        if (normalise(column.type) !== want)
          drift.push(
            `column ${model.table}.${field.column} is ${normalise(column.type)} in the database, ${want} in the schema`,
          );
        if (column.nullable !== field.optional)
          drift.push(
            `column ${model.table}.${field.column} is ${column.nullable ? 'nullable' : 'NOT NULL'} in the database, ${field.optional ? 'optional' : 'required'} in the schema`,
          );
        const wantsDefault = /@default\(/.test(field.attrs) && !/@default\((uuid|cuid)\(\)\)/.test(field.attrs);
        if (column.has_default !== wantsDefault)
          drift.push(
            `column ${model.table}.${field.column} ${column.has_default ? 'has' : 'lacks'} a database default, the schema ${wantsDefault ? 'has' : 'has none'}`,
          );
      }
      for (const column of columns) {
        if (!scalars.some((f) => f.column === column.column_name))
          drift.push(`column ${model.table}.${column.column_name} is in the database but not in the schema`);
      }
    }
    const tables = new Set(schema.models.map((m) => m.table));
    for (const table of dbTables.keys())
      if (!tables.has(table)) drift.push(`table ${table} is in the database but not in the schema`);

    // Indexes: primary key, unique and plain, compared as (table, columns, kind). Partial indexes
    // (WHERE …) exist in migrations only, since the schema language used here cannot state them.
    const { rows: indexRows } = await client.query<{
      table_name: string;
      columns: string[];
      is_unique: boolean;
      is_primary: boolean;
    }>(
      `SELECT c.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations' AND ix.indpred IS NULL`,
    );
    const key = (table: string, columns: string[], kind: string) => `${kind} index on ${table}(${columns.join(', ')})`;
    const dbIndexes = new Set(
      indexRows.map((r) => key(r.table_name, r.columns, r.is_primary ? 'primary' : r.is_unique ? 'unique' : 'plain')),
    );
    const schemaIndexes = new Set<string>();
    for (const model of schema.models) {
      for (const field of model.fields) {
        if (/@id\b/.test(field.attrs)) schemaIndexes.add(key(model.table, [field.column], 'primary'));
        if (/@unique\b/.test(field.attrs)) schemaIndexes.add(key(model.table, [field.column], 'unique'));
      }
      for (const attr of model.blockAttrs) {
        const m = attr.match(/^@@(index|unique|id)\(\s*\[([^\]]*)\]/);
        if (m)
          schemaIndexes.add(
            key(
              model.table,
              columnsOf(model, m[2]!),
              m[1] === 'index' ? 'plain' : m[1] === 'id' ? 'primary' : 'unique',
            ),
          );
      }
    }
    for (const index of schemaIndexes) if (!dbIndexes.has(index)) drift.push(`${index} is missing in the database`);
    for (const index of dbIndexes)
      if (!schemaIndexes.has(index)) drift.push(`${index} is in the database but not in the schema`);

    // Foreign keys from @relation(fields: [...], references: [...]).
    const { rows: fkRows } = await client.query<{ def: string }>(
      `SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    const dbFks = new Set(
      fkRows.map((r) =>
        r.def
          .replace(/"/g, '')
          .replace(/ ON (DELETE|UPDATE) [A-Z ]+$/g, '')
          .replace(/ ON DELETE .*$/, '')
          .replace(/ ON UPDATE .*$/, ''),
      ),
    );
    const schemaFks = new Set<string>();
    for (const model of schema.models) {
      for (const field of model.fields) {
        const rel = field.attrs.match(/@relation\([^)]*fields:\s*\[([^\]]*)\][^)]*references:\s*\[([^\]]*)\]/);
        if (!rel) continue;
        const target = schema.models.find((m) => m.name === field.type)!;
        schemaFks.add(
          `${model.table} FOREIGN KEY (${columnsOf(model, rel[1]!).join(', ')}) REFERENCES ${target.table}(${columnsOf(target, rel[2]!).join(', ')})`,
        );
      }
    }
    for (const fk of schemaFks) if (!dbFks.has(fk)) drift.push(`foreign key ${fk} is missing in the database`);
    for (const fk of dbFks)
      if (!schemaFks.has(fk)) drift.push(`foreign key ${fk} is in the database but not in the schema`);
    return drift;
  } finally {
    await client.end();
  }
}

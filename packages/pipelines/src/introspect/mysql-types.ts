/**
 * MySQL / MariaDB column types → Flink SQL types, as the Flink CDC 3.x MySQL source maps them (its "Data Type
 * Mapping" table): TINYINT(1) and BIT(1) are BOOLEAN; UNSIGNED integers widen to the next type, BIGINT UNSIGNED
 * to DECIMAL(20, 0); DECIMAL keeps its precision up to 38 and is a STRING beyond; DATETIME(p) is TIMESTAMP(p) and
 * TIMESTAMP(p) — an instant in MySQL — is TIMESTAMP_LTZ(p); BIT(n) is BINARY(⌈n / 8⌉); YEAR is INT; text, ENUM,
 * JSON and the spatial types are STRING; SET is ARRAY<STRING>; blobs are BYTES.
 */
import { MAX_LENGTH } from '@flinkts/core';
import type { DataType } from '@flinkts/core';

/** One column as `information_schema.COLUMNS` describes it. */
export interface MysqlColumn {
  readonly name: string;
  /** `DATA_TYPE`, e.g. `tinyint`. */
  readonly dataType: string;
  /** `COLUMN_TYPE`, e.g. `tinyint(1) unsigned`. */
  readonly columnType: string;
  readonly nullable: boolean;
  readonly charLength: number | null;
  readonly numericPrecision: number | null;
  readonly numericScale: number | null;
  readonly datetimePrecision: number | null;
  readonly comment: string;
}

export type MappedType = { readonly ok: true; readonly type: DataType } | { readonly ok: false; readonly reason: string };

const SPATIAL = new Set(['geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection', 'geomcollection']);
const TEXT = new Set(['tinytext', 'text', 'mediumtext', 'longtext', 'json', 'enum']);
const BLOB = new Set(['tinyblob', 'blob', 'mediumblob', 'longblob']);

/** The Flink type of a MySQL column (nullable unless the column is NOT NULL). */
export function flinkTypeOf(column: MysqlColumn): MappedType {
  const type = mapType(column);
  if (!type.ok) return type;
  return { ok: true, type: column.nullable ? type.type : { ...type.type, nullable: false } };
}

function mapType(c: MysqlColumn): MappedType {
  const base = c.dataType.toLowerCase();
  const full = c.columnType.toLowerCase();
  const unsigned = /\bunsigned\b/.test(full);
  const ok = (type: DataType): MappedType => ({ ok: true, type });
  const nullable = true;
  switch (base) {
    case 'tinyint':
      if (/^tinyint\(1\)/.test(full) && !unsigned) return ok({ kind: 'BOOLEAN', nullable });
      return ok(unsigned ? { kind: 'SMALLINT', nullable } : { kind: 'TINYINT', nullable });
    case 'boolean':
    case 'bool':
      return ok({ kind: 'BOOLEAN', nullable });
    case 'smallint':
      return ok(unsigned ? { kind: 'INT', nullable } : { kind: 'SMALLINT', nullable });
    case 'mediumint':
      return ok(unsigned ? { kind: 'BIGINT', nullable } : { kind: 'INT', nullable });
    case 'int':
    case 'integer':
      return ok(unsigned ? { kind: 'BIGINT', nullable } : { kind: 'INT', nullable });
    case 'bigint':
      return ok(unsigned ? { kind: 'DECIMAL', precision: 20, scale: 0, nullable } : { kind: 'BIGINT', nullable });
    case 'float':
      return ok({ kind: 'FLOAT', nullable });
    case 'double':
    case 'real':
    case 'double precision':
      return ok({ kind: 'DOUBLE', nullable });
    case 'decimal':
    case 'numeric':
    case 'fixed': {
      const precision = c.numericPrecision ?? 10;
      if (precision > 38) return ok({ kind: 'VARCHAR', length: MAX_LENGTH, nullable });
      return ok({ kind: 'DECIMAL', precision, scale: c.numericScale ?? 0, nullable });
    }
    case 'bit': {
      const bits = c.numericPrecision ?? 1;
      return ok(bits === 1 ? { kind: 'BOOLEAN', nullable } : { kind: 'BINARY', length: Math.ceil(bits / 8), nullable });
    }
    case 'date':
      return ok({ kind: 'DATE', nullable });
    case 'time':
      return ok({ kind: 'TIME', precision: c.datetimePrecision ?? 0, nullable });
    case 'datetime':
      return ok({ kind: 'TIMESTAMP', precision: c.datetimePrecision ?? 0, nullable });
    case 'timestamp':
      return ok({ kind: 'TIMESTAMP_LTZ', precision: c.datetimePrecision ?? 0, nullable });
    case 'year':
      return ok({ kind: 'INT', nullable });
    case 'char':
      return ok(c.charLength !== null && c.charLength >= 1 ? { kind: 'CHAR', length: c.charLength, nullable } : { kind: 'VARCHAR', length: MAX_LENGTH, nullable });
    case 'varchar':
      return ok(c.charLength !== null && c.charLength >= 1 ? { kind: 'VARCHAR', length: c.charLength, nullable } : { kind: 'VARCHAR', length: MAX_LENGTH, nullable });
    case 'binary':
      return ok(c.charLength !== null && c.charLength >= 1 ? { kind: 'BINARY', length: c.charLength, nullable } : { kind: 'VARBINARY', length: MAX_LENGTH, nullable });
    case 'varbinary':
      return ok(c.charLength !== null && c.charLength >= 1 ? { kind: 'VARBINARY', length: c.charLength, nullable } : { kind: 'VARBINARY', length: MAX_LENGTH, nullable });
    case 'set':
      return ok({ kind: 'ARRAY', element: { kind: 'VARCHAR', length: MAX_LENGTH, nullable }, nullable });
    default:
      if (TEXT.has(base) || SPATIAL.has(base)) return ok({ kind: 'VARCHAR', length: MAX_LENGTH, nullable });
      if (BLOB.has(base)) return ok({ kind: 'VARBINARY', length: MAX_LENGTH, nullable });
      return { ok: false, reason: `Flink CDC has no Flink type for the MySQL type ${c.columnType}` };
  }
}

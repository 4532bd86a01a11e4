/**
 * Small facts about `DataType` nodes shared by the builders' type logic, the analyzer and the runtime: a copy
 * with another nullability, and the type-root families (Flink's LogicalTypeFamily) by name.
 */
import type { DataType, TypeRoot } from './data-type.js';

/** `t` with the given nullability (the same node when it already has it). */
export function withNullable<D extends DataType>(t: D, nullable: boolean): D {
  return t.nullable === nullable ? t : { ...t, nullable };
}

const INTEGRAL: readonly TypeRoot[] = ['TINYINT', 'SMALLINT', 'INT', 'BIGINT'];
export const isIntegral = (t: DataType): boolean => INTEGRAL.includes(t.kind);
/** TINYINT … BIGINT and DECIMAL. */
export const isExactNumeric = (t: DataType): boolean => isIntegral(t) || t.kind === 'DECIMAL';
export const isApprox = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';
export const isNumeric = (t: DataType): boolean => isExactNumeric(t) || isApprox(t);
export const isCharacter = (t: DataType): boolean => t.kind === 'CHAR' || t.kind === 'VARCHAR';
export const isBinary = (t: DataType): boolean => t.kind === 'BINARY' || t.kind === 'VARBINARY';
export const isTimestamp = (t: DataType): boolean => t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';
export const isDatetime = (t: DataType): boolean => t.kind === 'DATE' || t.kind === 'TIME' || isTimestamp(t);
export const isInterval = (t: DataType): boolean => t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';

/** Whether two types are the same type (nullability included; source spans aside). */
export function sameType(a: DataType, b: DataType): boolean {
  if (a.kind !== b.kind || a.nullable !== b.nullable) return false;
  switch (a.kind) {
    case 'CHAR': case 'VARCHAR': case 'BINARY': case 'VARBINARY': return a.length === (b as typeof a).length;
    case 'DECIMAL': return a.precision === (b as typeof a).precision && a.scale === (b as typeof a).scale;
    case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return a.precision === (b as typeof a).precision;
    case 'INTERVAL_YEAR_MONTH': return a.resolution === (b as typeof a).resolution && a.yearPrecision === (b as typeof a).yearPrecision;
    case 'INTERVAL_DAY_TIME': {
      const c = b as typeof a;
      return a.resolution === c.resolution && a.dayPrecision === c.dayPrecision && a.fractionalPrecision === c.fractionalPrecision;
    }
    case 'ARRAY': case 'MULTISET': return sameType(a.element, (b as typeof a).element);
    case 'MAP': return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
    case 'ROW': {
      const fields = (b as typeof a).fields;
      return a.fields.length === fields.length && a.fields.every((f, i) => {
        const g = fields[i] as (typeof fields)[number];
        return f.name === g.name && f.description === g.description && sameType(f.type, g.type);
      });
    }
    case 'RAW': return a.className === (b as typeof a).className && a.snapshot === (b as typeof a).snapshot;
    default: return true;
  }
}

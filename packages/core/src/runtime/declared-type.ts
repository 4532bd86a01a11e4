/**
 * The declared type of a built-in function call in the runtime comes from the analyzer's inference (the
 * function reference's result types and nullability), so `flinkts check` and a local run agree on it. The
 * runtime's own type is kept wherever taking the analyzer's would change a value: another type root, another
 * DECIMAL precision or scale, another TIME / TIMESTAMP precision, or another fixed CHAR / BINARY length (padding).
 * Only VARCHAR / VARBINARY lengths and nullability may differ, which no value depends on.
 */
import type { DataType } from '../types/data-type.js';

export function declaredType(runtime: DataType, analyzer: DataType | undefined): DataType {
  return analyzer !== undefined && sameValues(runtime, analyzer) ? analyzer : runtime;
}

/** Whether values of `a` are values of `b` unchanged (lengths of variable strings and nullability aside). */
function sameValues(a: DataType, b: DataType): boolean {
  switch (a.kind) {
    case 'VARCHAR': case 'VARBINARY': return b.kind === a.kind;
    case 'CHAR': case 'BINARY': return b.kind === a.kind && b.length === a.length;
    case 'DECIMAL': return b.kind === 'DECIMAL' && b.precision === a.precision && b.scale === a.scale;
    case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return b.kind === a.kind && b.precision === a.precision;
    case 'INTERVAL_DAY_TIME': return b.kind === a.kind && b.resolution === a.resolution && b.fractionalPrecision === a.fractionalPrecision;
    case 'INTERVAL_YEAR_MONTH': return b.kind === a.kind && b.resolution === a.resolution;
    case 'ARRAY': case 'MULTISET': return b.kind === a.kind && sameValues(a.element, b.element);
    case 'MAP': return b.kind === 'MAP' && sameValues(a.key, b.key) && sameValues(a.value, b.value);
    case 'ROW': return b.kind === 'ROW' && b.fields.length === a.fields.length && a.fields.every((f, i) => f.name === b.fields[i]?.name && sameValues(f.type, b.fields[i]!.type));
    case 'RAW': return b.kind === 'RAW' && b.className === a.className;
    default: return b.kind === a.kind;
  }
}

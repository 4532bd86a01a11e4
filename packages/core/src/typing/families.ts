/** Type families the planner's operand checks use (Calcite's SqlTypeFamily, as Flink applies it). */
import type { DataType } from '../types/data-type.js';
import { printDataType } from '../sql/printer/data-type.js';

export type Family =
  | 'numeric' | 'character' | 'binary' | 'boolean' | 'date' | 'time' | 'timestamp' | 'interval-ym' | 'interval-dt'
  | 'array' | 'multiset' | 'map' | 'row' | 'raw' | 'null';

export function family(t: DataType): Family {
  switch (t.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': case 'DECIMAL': case 'FLOAT': case 'DOUBLE': return 'numeric';
    case 'CHAR': case 'VARCHAR': return 'character';
    case 'BINARY': case 'VARBINARY': return 'binary';
    case 'BOOLEAN': return 'boolean';
    case 'DATE': return 'date';
    case 'TIME': return 'time';
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return 'timestamp';
    case 'INTERVAL_YEAR_MONTH': return 'interval-ym';
    case 'INTERVAL_DAY_TIME': return 'interval-dt';
    case 'ARRAY': return 'array';
    case 'MULTISET': return 'multiset';
    case 'MAP': return 'map';
    case 'ROW': return 'row';
    case 'RAW': return 'raw';
    case 'NULL': return 'null';
  }
}

export { isCharacter, isIntegral as isExactInteger, isNumeric } from '../types/type-predicates.js';

/** A type as the planner prints it in messages (`INT`, `CHAR(1) NOT NULL`). */
export const show = (t: DataType): string => printDataType(t);

/** The article-free name of a family for messages. */
export function familyName(f: Family): string {
  switch (f) {
    case 'numeric': return 'numeric';
    case 'character': return 'character string';
    case 'binary': return 'binary string';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'time': return 'time';
    case 'timestamp': return 'timestamp';
    case 'interval-ym': return 'year-month interval';
    case 'interval-dt': return 'day-time interval';
    case 'array': return 'array';
    case 'multiset': return 'multiset';
    case 'map': return 'map';
    case 'row': return 'row';
    case 'raw': return 'raw';
    case 'null': return 'null';
  }
}

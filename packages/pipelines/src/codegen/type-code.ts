/** A Flink `DataType` as the `t.*` builder call that makes it (`t.decimal(20, 0).notNull()`). */
import { MAX_LENGTH } from '@flinkts/core';
import type { DataType } from '@flinkts/core';
import { key, str } from './ts-literal.js';

export function typeCode(type: DataType): string {
  const base = baseCode(type);
  return type.nullable ? base : `${base}.notNull()`;
}

function baseCode(type: DataType): string {
  switch (type.kind) {
    case 'CHAR':
      return `t.char(${type.length})`;
    case 'VARCHAR':
      return type.length === MAX_LENGTH ? 't.string()' : `t.varchar(${type.length})`;
    case 'BOOLEAN':
      return 't.boolean()';
    case 'BINARY':
      return `t.binary(${type.length})`;
    case 'VARBINARY':
      return type.length === MAX_LENGTH ? 't.bytes()' : `t.varbinary(${type.length})`;
    case 'DECIMAL':
      return `t.decimal(${type.precision}, ${type.scale})`;
    case 'TINYINT':
      return 't.tinyint()';
    case 'SMALLINT':
      return 't.smallint()';
    case 'INT':
      return 't.int()';
    case 'BIGINT':
      return 't.bigint()';
    case 'FLOAT':
      return 't.float()';
    case 'DOUBLE':
      return 't.double()';
    case 'DATE':
      return 't.date()';
    case 'TIME':
      return `t.time(${type.precision})`;
    case 'TIMESTAMP':
      return `t.timestamp(${type.precision})`;
    case 'TIMESTAMP_LTZ':
      return `t.timestampLtz(${type.precision})`;
    case 'INTERVAL_YEAR_MONTH':
      return `t.intervalYearMonth(${str(type.resolution)}, ${type.yearPrecision})`;
    case 'INTERVAL_DAY_TIME':
      return `t.intervalDayTime(${str(type.resolution)}, ${type.dayPrecision}, ${type.fractionalPrecision})`;
    case 'ARRAY':
      return `t.array(${typeCode(type.element)})`;
    case 'MULTISET':
      return `t.multiset(${typeCode(type.element)})`;
    case 'MAP':
      return `t.map(${typeCode(type.key)}, ${typeCode(type.value)})`;
    case 'ROW': {
      const fields = type.fields.map((f) => `${key(f.name)}: ${typeCode(f.type)}`).join(', ');
      const described = type.fields.filter((f) => f.description !== undefined);
      const descriptions = described.length === 0 ? '' : `, { ${described.map((f) => `${key(f.name)}: ${str(f.description ?? '')}`).join(', ')} }`;
      return `t.row({ ${fields} }${descriptions})`;
    }
    case 'RAW':
      return `t.raw(${str(type.className)}, ${str(type.snapshot)})`;
    case 'NULL':
      throw new Error('the NULL type has no declaration');
  }
}

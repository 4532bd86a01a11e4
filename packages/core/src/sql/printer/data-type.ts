/** Prints `DataType` nodes in their canonical Flink spelling. */
import { checkNode } from '../../diagnostics/arguments.js';
import type { DataType, DayTimeResolution, IntervalDayTimeType, IntervalYearMonthType } from '../../types/data-type.js';
import { MAX_LENGTH } from '../../types/data-type.js';
import { atEntry } from './layout.js';
import { quoteIdentifier, quoteString } from './quote.js';

export function printDataType(type: DataType): string {
  if (atEntry()) checkNode('printDataType()', 'type', type, 'a data type (t.int().type, parseDataType(…).type)');
  const base = printTypeBody(type);
  return type.nullable || type.kind === 'NULL' ? base : `${base} NOT NULL`;
}

function printTypeBody(type: DataType): string {
  switch (type.kind) {
    case 'CHAR': return `CHAR(${type.length})`;
    case 'VARCHAR': return type.length === MAX_LENGTH ? 'STRING' : `VARCHAR(${type.length})`;
    case 'BOOLEAN': return 'BOOLEAN';
    case 'BINARY': return `BINARY(${type.length})`;
    case 'VARBINARY': return type.length === MAX_LENGTH ? 'BYTES' : `VARBINARY(${type.length})`;
    case 'DECIMAL': return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'TINYINT': return 'TINYINT';
    case 'SMALLINT': return 'SMALLINT';
    case 'INT': return 'INT';
    case 'BIGINT': return 'BIGINT';
    case 'FLOAT': return 'FLOAT';
    case 'DOUBLE': return 'DOUBLE';
    case 'DATE': return 'DATE';
    case 'TIME': return `TIME(${type.precision})`;
    case 'TIMESTAMP': return `TIMESTAMP(${type.precision})`;
    case 'TIMESTAMP_LTZ': return `TIMESTAMP_LTZ(${type.precision})`;
    case 'INTERVAL_YEAR_MONTH': return printYearMonth(type);
    case 'INTERVAL_DAY_TIME': return printDayTime(type);
    case 'ARRAY': return `ARRAY<${printDataType(type.element)}>`;
    case 'MULTISET': return `MULTISET<${printDataType(type.element)}>`;
    case 'MAP': return `MAP<${printDataType(type.key)}, ${printDataType(type.value)}>`;
    case 'ROW':
      return `ROW<${type.fields
        .map((f) => `${quoteIdentifier(f.name)} ${printDataType(f.type)}${f.description === undefined ? '' : ` ${quoteString(f.description)}`}`)
        .join(', ')}>`;
    case 'RAW': return `RAW(${quoteString(type.className)}, ${quoteString(type.snapshot)})`;
    case 'NULL': return 'NULL';
  }
}

function printYearMonth(type: IntervalYearMonthType): string {
  switch (type.resolution) {
    case 'YEAR': return `INTERVAL YEAR(${type.yearPrecision})`;
    case 'YEAR_TO_MONTH': return `INTERVAL YEAR(${type.yearPrecision}) TO MONTH`;
    case 'MONTH': return 'INTERVAL MONTH';
  }
}

const DAY_TIME_PARTS: Record<DayTimeResolution, readonly [string, string | undefined]> = {
  DAY: ['DAY', undefined],
  DAY_TO_HOUR: ['DAY', 'HOUR'],
  DAY_TO_MINUTE: ['DAY', 'MINUTE'],
  DAY_TO_SECOND: ['DAY', 'SECOND'],
  HOUR: ['HOUR', undefined],
  HOUR_TO_MINUTE: ['HOUR', 'MINUTE'],
  HOUR_TO_SECOND: ['HOUR', 'SECOND'],
  MINUTE: ['MINUTE', undefined],
  MINUTE_TO_SECOND: ['MINUTE', 'SECOND'],
  SECOND: ['SECOND', undefined],
};

function printDayTime(type: IntervalDayTimeType): string {
  const [start, end] = DAY_TIME_PARTS[type.resolution];
  const startText =
    start === 'DAY' ? `DAY(${type.dayPrecision})` : start === 'SECOND' ? `SECOND(${type.fractionalPrecision})` : start;
  const endText = end === undefined ? '' : end === 'SECOND' ? ` TO SECOND(${type.fractionalPrecision})` : ` TO ${end}`;
  return `INTERVAL ${startText}${endText}`;
}

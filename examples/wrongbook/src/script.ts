/** The whole job as statements, in the order Flink runs them, and as one SQL script. */
import type { Statement } from '@flinkts/core';
import { printStatements, use, useCatalog } from '@flinkts/core';
import { aliyunCatalog, wrongRecordWideDelta, wrongbookEvents } from './tables.js';
import { insertWideRows, wrongbookAddEvents } from './transform.js';

export const statements: readonly Statement[] = [
  aliyunCatalog.toStatement(),
  useCatalog('aliyun_catalog'),
  use('dwd'),
  wrongbookEvents.toStatement(),
  wrongRecordWideDelta.toStatement(),
  wrongbookAddEvents.toStatement(),
  insertWideRows,
];

export function wrongbookScript(): string {
  return printStatements(statements);
}

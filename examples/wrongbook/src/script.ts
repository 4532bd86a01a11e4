/**
 * The whole job as statements, in the order Flink runs them, and as one SQL script: the pipeline's plain-SQL
 * target for prod (catalog, database, catalog tables without their credentials, the view, and the INSERT passing
 * the credentials as OPTIONS hints).
 */
import type { Statement } from '@flinkts/core';
import { printStatements } from '@flinkts/core';
import { jobStatements } from '@flinkts/pipelines/internal';
import wrongbook from '../flinkts.config.js';

export const statements: readonly Statement[] = jobStatements(wrongbook, 'prod', 'wrongbook-wide-table').filter((s) => s.kind !== 'Set');

export function wrongbookScript(): string {
  return printStatements(statements);
}

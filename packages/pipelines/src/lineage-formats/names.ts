/**
 * Finds the table, column or job a user names in a lineage query. A table may be named by its full catalog-qualified
 * name (`paimon_catalog.ods.ods_orders`) or by any trailing part of it (`ods.ods_orders`, `ods_orders`) as long as one
 * table matches; a column is its table's name and the column (`ods.ods_orders.amount`). Unknown or ambiguous names are
 * diagnostics with a "did you mean" hint.
 */
import type { Diagnostic, LineageColumnRef, LineageTable, PipelineLineage } from '@flinkts/core';
import { closest } from '@flinkts/core';
import { LINEAGE_CODES } from './codes.js';

export type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly diagnostic: Diagnostic };

const segments = (name: string): string[] => name.split('.');

function endsWith(full: readonly string[], tail: readonly string[]): boolean {
  return tail.length <= full.length && tail.every((s, i) => full[full.length - tail.length + i] === s);
}

/** The candidate spellings of every table with as many parts as the user wrote (for did-you-mean). */
function spellings(tables: readonly LineageTable[], parts: number): string[] {
  return tables.map((t) => segments(t.name).slice(-parts).join('.'));
}

function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const c = closest(name, candidates);
  return c === undefined ? undefined : `did you mean '${c}'?`;
}

export function findLineageTable(lineage: PipelineLineage, name: string, path: string): Found<LineageTable> {
  const parts = segments(name);
  const matches = lineage.tables.filter((t) => endsWith(segments(t.name), parts));
  if (matches.length === 1) return { ok: true, value: matches[0]! };
  if (matches.length > 1) {
    return {
      ok: false,
      diagnostic: {
        code: LINEAGE_CODES.ambiguousTable,
        severity: 'error',
        message: `'${name}' names ${matches.length} tables of pipeline ${lineage.pipeline}: ${matches.map((t) => t.name).join(', ')}`,
        hint: `name it with more of its catalog path, e.g. '${matches[0]!.name}'`,
        path,
      },
    };
  }
  return {
    ok: false,
    diagnostic: {
      code: LINEAGE_CODES.unknownTable,
      severity: 'error',
      message: `pipeline ${lineage.pipeline} (${lineage.environment}) has no table '${name}'`,
      hint: didYouMean(name, spellings(lineage.tables, parts.length)) ?? `tables: ${lineage.tables.map((t) => t.name).join(', ')}`,
      path,
    },
  };
}

export function findLineageColumn(lineage: PipelineLineage, name: string, path: string): Found<LineageColumnRef> {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) {
    return {
      ok: false,
      diagnostic: {
        code: LINEAGE_CODES.unknownColumn,
        severity: 'error',
        message: `'${name}' is not a column name: write the table and the column, e.g. 'ods.ods_orders.amount'`,
        hint: 'a column is named <table>.<column>, the table by its catalog path or its last parts',
        path,
      },
    };
  }
  const table = findLineageTable(lineage, name.slice(0, dot), path);
  if (!table.ok) {
    // "ods.ods_order.amount": suggest the whole column name, not only the table.
    const hint = didYouMean(name, lineage.tables.flatMap((t) => t.columns.map((c) => `${segments(t.name).slice(-segments(name).length + 1).join('.')}.${c.name}`)));
    return { ok: false, diagnostic: hint === undefined ? table.diagnostic : { ...table.diagnostic, hint } };
  }
  const column = name.slice(dot + 1);
  if (table.value.columns.some((c) => c.name === column)) return { ok: true, value: { table: table.value.name, column } };
  return {
    ok: false,
    diagnostic: {
      code: LINEAGE_CODES.unknownColumn,
      severity: 'error',
      message: `table ${table.value.name} has no column '${column}'`,
      hint: didYouMean(column, table.value.columns.map((c) => c.name)) ?? `columns: ${table.value.columns.map((c) => c.name).join(', ')}`,
      path,
    },
  };
}

export function findLineageJob(lineage: PipelineLineage, name: string, path: string): Found<string> {
  if (lineage.jobs.some((j) => j.name === name)) return { ok: true, value: name };
  const names = lineage.jobs.map((j) => j.name);
  return {
    ok: false,
    diagnostic: {
      code: LINEAGE_CODES.unknownJob,
      severity: 'error',
      message: `pipeline ${lineage.pipeline} has no job '${name}'`,
      hint: didYouMean(name, names) ?? `jobs: ${names.join(', ')}`,
      path,
    },
  };
}

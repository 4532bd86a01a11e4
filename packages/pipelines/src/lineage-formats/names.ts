/**
 * Finds the table, column or job a user names in a lineage query. A table may be named by its full catalog-qualified
 * name (`paimon_catalog.ods.ods_orders`) or by any trailing part of it (`ods.ods_orders`, `ods_orders`) as long as one
 * table matches; a column is its table's name and the column (`ods.ods_orders.amount`). Unknown or ambiguous names are
 * diagnostics with a "did you mean" hint.
 */
import type { Diagnostic, LineageColumnRef, LineageTable, PipelineLineage } from '@flinkts/core';
import { closest, textFields } from '@flinkts/core/internal';
import { LINEAGE_TEXTS } from './codes.js';

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

/** `suggestion`: a did-you-mean that replaces the table's own (a column query suggests the whole column name). */
export function findLineageTable(lineage: PipelineLineage, name: string, path: string, suggestion?: string): Found<LineageTable> {
  const parts = segments(name);
  const matches = lineage.tables.filter((t) => endsWith(segments(t.name), parts));
  if (matches.length === 1) return { ok: true, value: matches[0]! };
  if (matches.length > 1) {
    return {
      ok: false,
      diagnostic: {
        ...textFields(LINEAGE_TEXTS.ambiguousTable({ pipeline: lineage.pipeline, name, matches: matches.map((t) => t.name), suggestion })),
        severity: 'error',
        path,
      },
    };
  }
  return {
    ok: false,
    diagnostic: {
      ...textFields(LINEAGE_TEXTS.unknownTable({ pipeline: lineage.pipeline, environment: lineage.environment, name, suggestion: suggestion ?? didYouMean(name, spellings(lineage.tables, parts.length)), tables: lineage.tables.map((t) => t.name) })),
      severity: 'error',
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
        ...textFields(LINEAGE_TEXTS.unknownColumn({ kind: 'notColumnName', name })),
        severity: 'error',
        path,
      },
    };
  }
  const table = findLineageTable(lineage, name.slice(0, dot), path);
  if (!table.ok) {
    // "ods.ods_order.amount": suggest the whole column name, not only the table.
    const hint = didYouMean(name, lineage.tables.flatMap((t) => t.columns.map((c) => `${segments(t.name).slice(-segments(name).length + 1).join('.')}.${c.name}`)));
    return hint === undefined ? table : (findLineageTable(lineage, name.slice(0, dot), path, hint) as typeof table);
  }
  const column = name.slice(dot + 1);
  if (table.value.columns.some((c) => c.name === column)) return { ok: true, value: { table: table.value.name, column } };
  return {
    ok: false,
    diagnostic: {
      ...textFields(LINEAGE_TEXTS.unknownColumn({ kind: 'noColumn', table: table.value.name, column, suggestion: didYouMean(column, table.value.columns.map((c) => c.name)), columns: table.value.columns.map((c) => c.name) })),
      severity: 'error',
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
      ...textFields(LINEAGE_TEXTS.unknownJob({ pipeline: lineage.pipeline, name, suggestion: didYouMean(name, names), jobs: names })),
      severity: 'error',
      path,
    },
  };
}

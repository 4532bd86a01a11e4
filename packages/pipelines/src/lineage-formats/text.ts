/**
 * Lineage as text for a terminal: a column's upstream or downstream as a tree (each branch names the edge's kind,
 * expression and job; a column met twice is expanded once), a table's columns with their inputs and outputs, or
 * every job with the columns it writes. Plain characters and box-drawing lines only; no colours.
 */
import type { LineageEdge, LineageTarget } from '@flinkts/core';
import type { LineageGraph } from './graph.js';
import { columnKey, edgesInto, lineageGraph, targetColumns, WHOLE_TABLE } from './graph.js';
import type { JobLink, LineageView } from './query.js';
import { impactOf, jobGraph } from './query.js';

const show = (t: LineageTarget): string => `${t.table}.${t.column ?? WHOLE_TABLE}`;

function how(e: LineageEdge): string {
  return `${e.subtype}${e.description === undefined ? '' : ` ${e.description}`} · ${e.job}`;
}

interface TreeNode {
  readonly label: string;
  readonly children: () => readonly TreeNode[];
}

function draw(root: TreeNode): string[] {
  const lines = [root.label];
  const seen = new Set<string>([root.label]);
  const walk = (node: TreeNode, prefix: string): void => {
    const children = node.children();
    children.forEach((child, i) => {
      const last = i === children.length - 1;
      const key = child.label.split('  ')[0]!;
      const again = seen.has(key) && child.children().length > 0;
      lines.push(`${prefix}${last ? '└─ ' : '├─ '}${child.label}${again ? '  (expanded above)' : ''}`);
      seen.add(key);
      if (!again) walk(child, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  return lines;
}

function upstreamNode(g: LineageGraph, target: LineageTarget, label: string): TreeNode {
  return {
    label,
    children: () =>
      target.column === undefined ? [] : edgesInto(g, { table: target.table, column: target.column }).map((e) => upstreamNode(g, e.from, `${show(e.from)}  ← ${how(e)}${e.to.column === undefined ? ' (whole table)' : ''}`)),
  };
}

function downstreamNode(g: LineageGraph, target: LineageTarget, label: string): TreeNode {
  return {
    label,
    children: () => targetColumns(g, target).flatMap((c) => g.outgoing.get(columnKey(c)) ?? []).map((e) => downstreamNode(g, e.to, `${show(e.to)}  ← ${e.to.column === undefined ? `${show(e.from)} ` : ''}${how(e)}`)),
  };
}

function jobLinks(links: readonly JobLink[], jobs: readonly string[]): string[] {
  const out = ['Job graph:'];
  for (const job of jobs) {
    const next = links.filter((l) => l.from === job);
    if (next.length === 0 && !links.some((l) => l.to === job)) out.push(`  ${job}`);
    for (const l of next) out.push(`  ${l.from} → ${l.to}  (${l.tables.join(', ')})`);
  }
  return out;
}

/** The text of a lineage view, ending with a newline. */
export function lineageText(view: LineageView): string {
  const { lineage } = view;
  const g = lineageGraph(lineage);
  const head = `Lineage of pipeline ${lineage.pipeline} (${lineage.environment})`;
  const q = view.query;
  let body: string[];
  if (q.kind === 'upstream') {
    body = [`${head}: upstream of ${show(q.column)}`, '', ...draw(upstreamNode(g, q.column, show(q.column)))];
  } else if (q.kind === 'downstream') {
    const impact = impactOf(lineage, q.column);
    body = [
      `${head}: downstream of ${show(q.column)}`,
      '',
      ...draw(downstreamNode(g, q.column, show(q.column))),
      '',
      `Impact: ${impact.jobs.length} job${impact.jobs.length === 1 ? '' : 's'}, ${impact.tables.length} table${impact.tables.length === 1 ? '' : 's'}, ${impact.columns.length} column${impact.columns.length === 1 ? '' : 's'}`,
      `  jobs:    ${impact.jobs.join(', ') || '(none)'}`,
      `  tables:  ${impact.tables.join(', ') || '(none)'}`,
      `  columns: ${impact.columns.map(show).join(', ') || '(none)'}`,
    ];
  } else if (q.kind === 'table') {
    const table = g.tables.get(q.table)!;
    body = [`${head}: table ${q.table}${table.layer === undefined ? '' : ` (${table.layer})`}`, ''];
    for (const c of table.columns) {
      body.push(`${c.name} ${c.type}`);
      for (const e of edgesInto(g, { table: q.table, column: c.name })) body.push(`  ← ${show(e.from)}  ${how(e)}${e.to.column === undefined ? ' (whole table)' : ''}`);
      for (const e of g.outgoing.get(columnKey({ table: q.table, column: c.name })) ?? []) body.push(`  → ${show(e.to)}  ${how(e)}`);
    }
    const readers = lineage.jobs.filter((j) => j.inputs.includes(q.table)).map((j) => j.name);
    const writers = lineage.jobs.filter((j) => j.outputs.includes(q.table)).map((j) => j.name);
    body.push('', `written by: ${writers.join(', ') || '(no job: a source)'}`, `read by: ${readers.join(', ') || '(no job: a sink)'}`);
  } else {
    body = [q.kind === 'job' ? `${head}: job ${q.job}` : head, ''];
    for (const job of lineage.jobs) {
      if (q.kind === 'job' && job.name !== q.job) continue;
      body.push(`job ${job.name}`, `  reads ${job.inputs.join(', ') || '(nothing)'}`, `  writes ${job.outputs.join(', ') || '(nothing)'}`);
      for (const out of job.outputs) {
        const table = g.tables.get(out);
        for (const target of [...(table?.columns ?? []).map((c) => ({ table: out, column: c.name })), { table: out }]) {
          const edges = (g.incoming.get(columnKey(target)) ?? []).filter((e) => e.job === job.name);
          if (edges.length === 0) continue;
          body.push(`  ${show(target)}`);
          for (const e of edges) body.push(`    ← ${show(e.from)}  ${e.subtype}${e.description === undefined ? '' : ` ${e.description}`}`);
        }
      }
      body.push('');
    }
    if (q.kind === 'all') body.push(...jobLinks(jobGraph(lineage), lineage.jobs.map((j) => j.name)));
  }
  return `${body.join('\n').trimEnd()}\n`;
}

/** The job-to-job graph as text. */
export function jobGraphText(view: LineageView): string {
  const { lineage } = view;
  return `${[`Jobs of pipeline ${lineage.pipeline} (${lineage.environment})`, '', ...jobLinks(jobGraph(lineage), lineage.jobs.map((j) => j.name))].join('\n')}\n`;
}

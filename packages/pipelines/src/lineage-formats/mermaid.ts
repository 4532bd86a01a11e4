/**
 * Lineage as a Mermaid flowchart (left to right). A column's upstream / downstream or a table's lineage is drawn
 * column by column, each table a subgraph; the whole pipeline or a job is drawn table by table, the layers as
 * subgraph lanes, each edge labelled with the job that writes it. Direct edges are solid, indirect ones dotted.
 * Node ids are generated (`t0`, `c0_1`), so any table or column name is safe; labels are quoted and escaped.
 */
import type { LineageEdge } from '@flinkts/core';
import { columnKey } from './graph.js';
import { lanes } from './lanes.js';
import type { LineageView } from './query.js';
import { jobGraph } from './query.js';

/** A label inside `"…"`: Mermaid's entity codes for the characters that would end or break it. */
const label = (text: string): string => `"${text.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;

const arrow = (e: LineageEdge, text: string): string => (e.type === 'DIRECT' ? `-- ${label(text)} -->` : `-. ${label(text)} .->`);

function columnLevel(view: LineageView): string[] {
  const { lineage } = view;
  const used = new Set<string>();
  for (const e of lineage.edges) {
    used.add(columnKey(e.from));
    if (e.to.column !== undefined) used.add(columnKey(e.to));
  }
  const q = view.query;
  if (q.kind === 'upstream' || q.kind === 'downstream') used.add(columnKey(q.column));
  if (q.kind === 'table') for (const c of lineage.tables.find((t) => t.name === q.table)?.columns ?? []) used.add(columnKey({ table: q.table, column: c.name }));
  const ids = new Map<string, string>();
  const tableIds = new Map<string, string>();
  const lines: string[] = [];
  lineage.tables.forEach((t, ti) => {
    tableIds.set(t.name, `t${ti}`);
    lines.push(`  subgraph t${ti} [${label(t.name)}]`);
    t.columns.forEach((c, ci) => {
      const key = columnKey({ table: t.name, column: c.name });
      if (!used.has(key)) return;
      ids.set(key, `c${ti}_${ci}`);
      lines.push(`    c${ti}_${ci}[${label(`${c.name} ${c.type}`)}]`);
    });
    lines.push('  end');
  });
  for (const e of lineage.edges) {
    const to = e.to.column === undefined ? tableIds.get(e.to.table) : ids.get(columnKey(e.to));
    lines.push(`  ${ids.get(columnKey(e.from))} ${arrow(e, `${e.subtype} · ${e.job}`)} ${to}`);
  }
  const focus = q.kind === 'upstream' || q.kind === 'downstream' ? ids.get(columnKey(q.column)) : undefined;
  if (focus !== undefined) lines.push('  classDef focus stroke-width:3px', `  class ${focus} focus`);
  return lines;
}

function tableLevel(view: LineageView): string[] {
  const { lineage } = view;
  const ids = new Map(lineage.tables.map((t, i) => [t.name, `t${i}`]));
  const lines: string[] = [];
  lanes(lineage).forEach((lane, li) => {
    lines.push(`  subgraph lane${li} [${label(lane.name)}]`, '    direction TB');
    for (const t of lane.tables) lines.push(`    ${ids.get(t.name)}[${label(t.name)}]`);
    lines.push('  end');
  });
  // One arrow per table pair and job: solid when any column flows directly, dotted when only indirectly.
  const pair = (e: LineageEdge): string => `${e.from.table}\n${e.to.table}\n${e.job}`;
  const direct = new Set(lineage.edges.filter((e) => e.type === 'DIRECT').map(pair));
  const seen = new Set<string>();
  for (const e of lineage.edges) {
    const key = pair(e);
    if (seen.has(key) || e.from.table === e.to.table || (e.type === 'INDIRECT' && direct.has(key))) continue;
    seen.add(key);
    lines.push(`  ${ids.get(e.from.table)} ${arrow(e, e.job)} ${ids.get(e.to.table)}`);
  }
  return lines;
}

/** The Mermaid source of a lineage view, ending with a newline. */
export function lineageMermaid(view: LineageView): string {
  const body = view.query.kind === 'all' || view.query.kind === 'job' ? tableLevel(view) : columnLevel(view);
  return `${['flowchart LR', ...body].join('\n')}\n`;
}

/** The job-to-job graph as a Mermaid flowchart. */
export function jobGraphMermaid(view: LineageView): string {
  const { lineage } = view;
  const ids = new Map(lineage.jobs.map((j, i) => [j.name, `j${i}`]));
  const lines = ['flowchart LR', ...lineage.jobs.map((j) => `  ${ids.get(j.name)}[${label(j.name)}]`)];
  for (const l of jobGraph(lineage)) lines.push(`  ${ids.get(l.from)} -- ${label(l.tables.join(', '))} --> ${ids.get(l.to)}`);
  return `${lines.join('\n')}\n`;
}

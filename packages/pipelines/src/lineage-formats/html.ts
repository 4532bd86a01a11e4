/**
 * Lineage as one self-contained HTML page: an SVG of the tables (one row per column) in lanes by layer, left to
 * right (layout.ts); clicking a column highlights its upstream and downstream paths. Everything is inline (styles,
 * the data, the script) and a Content-Security-Policy forbids any request, so the page works from a file with no
 * network. The layout runs here, not in the page.
 */
import type { LineageTable } from '@flinkts/core';
import { columnKey } from './graph.js';
import { PAGE_SCRIPT } from './html-page-script.js';
import { lanes } from './lanes.js';
import type { LayoutEdge, LayoutTable } from './layout.js';
import { layeredLayout } from './layout.js';
import type { LineageView } from './query.js';

const ROW = 18;
const HEADER = 24;
const CHAR = 7.3;
const LANE_TOP = 34;
const MARGIN = 24;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON inside <script>: no `</script>` or `<!--` can end or change it. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const width = (t: LineageTable): number => Math.ceil(Math.max(t.name.length * CHAR + 16, ...t.columns.map((c) => (c.name.length + c.type.length + 2) * CHAR + 20)));

interface PageEdge {
  readonly from: string;
  readonly to: string;
  readonly direct: boolean;
  readonly kinds: string[];
}

/** Where a drawn edge attaches: its table's index and the port's height below the table's top. */
interface Port {
  readonly table: number;
  readonly y: number;
}

export function lineageHtml(view: LineageView): string {
  const { lineage } = view;
  const laneList = lanes(lineage);
  const laneOf = new Map(laneList.flatMap((lane, li) => lane.tables.map((t) => [t.name, li] as const)));
  const ports = new Map<string, Port>();
  const boxes: LayoutTable[] = lineage.tables.map((t, ti) => {
    ports.set(`${t.name}#*:in`, { table: ti, y: HEADER / 2 });
    t.columns.forEach((c, ci) => {
      const port = { table: ti, y: HEADER + ci * ROW + ROW / 2 };
      ports.set(`${columnKey({ table: t.name, column: c.name })}:in`, port);
      ports.set(`${columnKey({ table: t.name, column: c.name })}:out`, port);
    });
    return { lane: laneOf.get(t.name)!, width: width(t), height: HEADER + t.columns.length * ROW + 4 };
  });
  // One drawn edge per source column and target; its kinds list every edge of the model it stands for.
  const pageEdges: PageEdge[] = [];
  const byPair = new Map<string, PageEdge>();
  for (const e of lineage.edges) {
    const from = columnKey(e.from);
    const to = columnKey(e.to);
    const kind = `${e.subtype}${e.description === undefined ? '' : ` ${e.description}`} · ${e.job}`;
    const existing = byPair.get(`${from}\n${to}`);
    if (existing !== undefined) {
      existing.kinds.push(kind);
      continue;
    }
    const pe = { from, to, direct: e.type === 'DIRECT', kinds: [kind] };
    byPair.set(`${from}\n${to}`, pe);
    pageEdges.push(pe);
  }
  const edges: LayoutEdge[] = pageEdges.map((e) => {
    const from = ports.get(`${e.from}:out`)!;
    const to = ports.get(`${e.to}:in`)!;
    return { from: from.table, fromY: from.y, to: to.table, toY: to.y };
  });
  const at = (x: number, y: number): string => `${(x + MARGIN).toFixed(1)},${(y + MARGIN + LANE_TOP).toFixed(1)}`;
  const laid = layeredLayout(boxes, edges, at);
  const graphWidth = laid.width + 2 * MARGIN;
  const graphHeight = laid.height + LANE_TOP + 2 * MARGIN;
  const index = new Map(lineage.tables.map((t, i) => [t.name, i]));

  const svg: string[] = [];
  laneList.forEach((lane) => {
    const nodes = lane.tables.map((t) => index.get(t.name)!);
    const x0 = nodes.reduce((m, i) => Math.min(m, laid.tables[i]!.x), Infinity) - 30;
    const x1 = nodes.reduce((m, i) => Math.max(m, laid.tables[i]!.x + boxes[i]!.width), -Infinity) + 30;
    svg.push(`<g class="lane" data-lane="${esc(lane.name)}"><rect x="${(x0 + MARGIN).toFixed(1)}" y="4" width="${(x1 - x0).toFixed(1)}" height="${graphHeight - 8}" rx="6"/><text x="${(x0 + MARGIN + 10).toFixed(1)}" y="26">${esc(lane.name.toUpperCase())}</text></g>`);
  });
  pageEdges.forEach((pe, i) => {
    svg.push(`<path class="edge ${pe.direct ? 'direct' : 'indirect'}" data-edge="${i}" d="${laid.paths[i]!}"><title>${esc(`${pe.from.replace('#', '.')} → ${pe.to.replace('#', '.')}\n${pe.kinds.join('\n')}`)}</title></path>`);
  });
  lineage.tables.forEach((t, ti) => {
    const { x, y } = laid.tables[ti]!;
    const w = boxes[ti]!.width;
    svg.push(`<g class="table" data-table="${esc(t.name)}" transform="translate(${at(x, y)})">`);
    svg.push(`<rect class="box" width="${w}" height="${boxes[ti]!.height}" rx="4"/><text class="name" x="8" y="16">${esc(t.name)}</text>`);
    t.columns.forEach((c, ci) => {
      const cy = HEADER + ci * ROW;
      svg.push(`<g class="col" data-col="${esc(columnKey({ table: t.name, column: c.name }))}"><rect x="1" y="${cy}" width="${w - 2}" height="${ROW}"/><text x="8" y="${cy + 13}">${esc(c.name)}<tspan class="type"> ${esc(c.type)}</tspan></text></g>`);
    });
    svg.push('</g>');
  });
  const focus = view.query.kind === 'upstream' || view.query.kind === 'downstream' ? columnKey(view.query.column) : undefined;
  const data = {
    edges: pageEdges,
    tableColumns: Object.fromEntries(lineage.tables.map((t) => [t.name, t.columns.map((c) => columnKey({ table: t.name, column: c.name }))])),
    ...(focus === undefined ? {} : { focus }),
  };
  const title = `Lineage of ${lineage.pipeline} (${lineage.environment})`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>
body { margin: 0; font: 13px system-ui, sans-serif; color: #1f2328; }
aside { position: sticky; left: 0; width: min(100vw, 1100px); box-sizing: border-box; height: 150px; padding: 4px 12px; overflow: auto; border-bottom: 1px solid #d0d7de; font: 12px monospace; }
aside h2 { font-size: 13px; margin: 4px 0; word-break: break-all; }
aside li { margin: 4px 0; word-break: break-all; }
header { position: sticky; left: 0; padding: 8px 12px; font-weight: 600; }
svg text { font: 12px monospace; fill: #1f2328; }
.lane rect { fill: #f6f8fa; stroke: #d8dee4; }
.lane text { font-weight: 700; fill: #57606a; }
.box { fill: #fff; stroke: #8c959f; }
.name { font-weight: 700; }
.type { fill: #6e7781; }
.col rect { fill: transparent; cursor: pointer; }
.col:hover rect { fill: #eaeef2; }
.edge { fill: none; stroke: #8c959f; stroke-width: 1.2; }
.edge.indirect { stroke-dasharray: 4 3; }
.focused .edge, .focused .col text { opacity: 0.25; }
.focused .edge.up, .focused .edge.down, .focused .col.up text, .focused .col.down text, .focused .col.focus text { opacity: 1; }
.col.focus rect { fill: #fff8c5; }
.col.up rect { fill: #ddf4ff; }
.col.down rect { fill: #ffebe9; }
.edge.up { stroke: #0969da; stroke-width: 2; }
.edge.down { stroke: #cf222e; stroke-width: 2; }
</style>
</head>
<body>
<header>${esc(title)} — ${lineage.tables.length} tables, ${lineage.jobs.length} jobs, ${lineage.edges.length} column edges</header>
<aside id="details"></aside>
<main>
<svg id="lineage" xmlns="http://www.w3.org/2000/svg" width="${graphWidth.toFixed(0)}" height="${graphHeight.toFixed(0)}" viewBox="0 0 ${graphWidth.toFixed(0)} ${graphHeight.toFixed(0)}">
${svg.join('\n')}
</svg>
</main>
<script type="application/json" id="lineage-data">${scriptJson(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * Lineage as one self-contained HTML page: an SVG of the tables (one row per column) laid out by ELK's layered
 * algorithm (elkjs) with the layers as partitions, drawn as lanes left to right; clicking a column highlights its
 * upstream and downstream paths. Everything is inline (styles, the data, the script) and a Content-Security-Policy
 * forbids any request, so the page works from a file with no network. The layout runs here, not in the page.
 */
import type { LineageTable } from '@flinkts/core';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { columnKey } from './graph.js';
import { PAGE_SCRIPT } from './html-page-script.js';
import { lanes } from './lanes.js';
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

type ElkConstructor = new () => { layout(graph: ElkNode): Promise<ElkNode> };

/**
 * Layouts by their input graph: ELK is deterministic, and the environments of a pipeline usually draw the same
 * graph, so `build` lays each distinct graph out once. elkjs (a large module) is imported on the first layout
 * only, not by every command that loads the pipelines package.
 */
const layouts = new Map<string, Promise<ElkNode>>();
const LAYOUT_CACHE_SIZE = 8;

function layout(graph: ElkNode): Promise<ElkNode> {
  const key = JSON.stringify(graph);
  const known = layouts.get(key);
  if (known !== undefined) return known;
  const laid = import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new (ELK as unknown as ElkConstructor)().layout(structuredClone(graph)));
  laid.catch(() => layouts.delete(key));
  if (layouts.size >= LAYOUT_CACHE_SIZE) layouts.delete(layouts.keys().next().value!);
  layouts.set(key, laid);
  return laid;
}

export async function lineageHtml(view: LineageView): Promise<string> {
  const { lineage } = view;
  const laneList = lanes(lineage);
  const ids = new Map(lineage.tables.map((t, i) => [t.name, `t${i}`]));
  const portOf = new Map<string, string>();
  const children: ElkNode[] = [];
  laneList.forEach((lane, li) => {
    for (const t of lane.tables) {
      const id = ids.get(t.name)!;
      const w = width(t);
      const ports = [{ id: `${id}_all`, x: 0, y: HEADER / 2, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } }];
      portOf.set(`${t.name}#*:in`, `${id}_all`);
      t.columns.forEach((c, ci) => {
        const y = HEADER + ci * ROW + ROW / 2;
        ports.push({ id: `${id}_${ci}_in`, x: 0, y, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } });
        ports.push({ id: `${id}_${ci}_out`, x: w - 1, y, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'EAST' } });
        portOf.set(`${columnKey({ table: t.name, column: c.name })}:in`, `${id}_${ci}_in`);
        portOf.set(`${columnKey({ table: t.name, column: c.name })}:out`, `${id}_${ci}_out`);
      });
      children.push({ id, width: w, height: HEADER + t.columns.length * ROW + 4, ports, layoutOptions: { 'elk.partitioning.partition': String(li), 'elk.portConstraints': 'FIXED_POS' } });
    }
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
  const edges: ElkExtendedEdge[] = pageEdges.map((e, i) => ({ id: `e${i}`, sources: [portOf.get(`${e.from}:out`)!], targets: [portOf.get(`${e.to}:in`)!] }));
  const laid = await layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // Partitions constrain one connected component at a time: lay the whole graph out as one so lanes stay apart.
      'elk.separateConnectedComponents': 'false',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
    },
    children,
    edges,
  });
  const placed = new Map((laid.children ?? []).map((n) => [n.id, n]));
  const graphWidth = (laid.width ?? 0) + 2 * MARGIN;
  const graphHeight = (laid.height ?? 0) + LANE_TOP + 2 * MARGIN;
  const at = (x: number, y: number): string => `${(x + MARGIN).toFixed(1)},${(y + MARGIN + LANE_TOP).toFixed(1)}`;

  const svg: string[] = [];
  laneList.forEach((lane) => {
    const nodes = lane.tables.map((t) => placed.get(ids.get(t.name)!)!);
    const x0 = Math.min(...nodes.map((n) => n.x ?? 0)) - 30;
    const x1 = Math.max(...nodes.map((n) => (n.x ?? 0) + (n.width ?? 0))) + 30;
    svg.push(`<g class="lane" data-lane="${esc(lane.name)}"><rect x="${(x0 + MARGIN).toFixed(1)}" y="4" width="${(x1 - x0).toFixed(1)}" height="${graphHeight - 8}" rx="6"/><text x="${(x0 + MARGIN + 10).toFixed(1)}" y="26">${esc(lane.name.toUpperCase())}</text></g>`);
  });
  (laid.edges ?? []).forEach((e, i) => {
    const pe = pageEdges[i]!;
    const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    svg.push(`<path class="edge ${pe.direct ? 'direct' : 'indirect'}" data-edge="${i}" d="M${points.map((p) => at(p.x, p.y)).join(' L')}"><title>${esc(`${pe.from.replace('#', '.')} → ${pe.to.replace('#', '.')}\n${pe.kinds.join('\n')}`)}</title></path>`);
  });
  for (const t of lineage.tables) {
    const n = placed.get(ids.get(t.name)!)!;
    const x = n.x ?? 0;
    const y = n.y ?? 0;
    const w = n.width ?? 0;
    svg.push(`<g class="table" data-table="${esc(t.name)}" transform="translate(${at(x, y)})">`);
    svg.push(`<rect class="box" width="${w}" height="${n.height ?? 0}" rx="4"/><text class="name" x="8" y="16">${esc(t.name)}</text>`);
    t.columns.forEach((c, ci) => {
      const cy = HEADER + ci * ROW;
      svg.push(`<g class="col" data-col="${esc(columnKey({ table: t.name, column: c.name }))}"><rect x="1" y="${cy}" width="${w - 2}" height="${ROW}"/><text x="8" y="${cy + 13}">${esc(c.name)}<tspan class="type"> ${esc(c.type)}</tspan></text></g>`);
    });
    svg.push('</g>');
  }
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

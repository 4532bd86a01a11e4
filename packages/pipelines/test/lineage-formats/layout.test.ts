/**
 * The lineage page's layout: tables never overlap, lanes run left to right, and no edge passes through a table —
 * checked by sampling every drawn curve — for hand-made graphs (long edges, a cycle in a lane, backward and
 * self edges) and for random ones; the drawing is the same for the same input.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Layout, LayoutEdge, LayoutTable } from '../../src/lineage-formats/layout.js';
import { layeredLayout } from '../../src/lineage-formats/layout.js';

const at = (x: number, y: number): string => `${x},${y}`;

interface Pt {
  readonly x: number;
  readonly y: number;
}

/** The points of an `M … L … C …` path: its ends and 24 samples of every curve. */
function sample(d: string): Pt[] {
  const tokens = d.match(/[MLC]|-?[\d.e+-]+,-?[\d.e+-]+/g)!;
  const points: Pt[] = [];
  let command = '';
  let args: Pt[] = [];
  const flush = (): void => {
    if (command === 'C' && args.length === 3) {
      const p0 = points[points.length - 1]!;
      const [p1, p2, p3] = args as [Pt, Pt, Pt];
      for (let k = 1; k <= 24; k++) {
        const t = k / 24;
        const u = 1 - t;
        points.push({ x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x, y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y });
      }
      args = [];
    } else if ((command === 'M' || command === 'L') && args.length === 1) {
      points.push(args[0]!);
      args = [];
    }
  };
  for (const tok of tokens) {
    if (tok === 'M' || tok === 'L' || tok === 'C') {
      command = tok;
      continue;
    }
    const [x, y] = tok.split(',').map(Number) as [number, number];
    args.push({ x, y });
    flush();
  }
  return points;
}

/** Every property a drawing must have; returns the first problem found. */
function problems(tables: readonly LayoutTable[], edges: readonly LayoutEdge[], laid: Layout): string | undefined {
  const box = (i: number) => ({ x0: laid.tables[i]!.x, y0: laid.tables[i]!.y, x1: laid.tables[i]!.x + tables[i]!.width, y1: laid.tables[i]!.y + tables[i]!.height });
  for (let i = 0; i < tables.length; i++) {
    const a = box(i);
    if (a.x0 < 0 || a.y0 < 0 || a.x1 > laid.width + 1e-6 || a.y1 > laid.height + 1e-6) return `table ${i} outside the drawing`;
    for (let j = i + 1; j < tables.length; j++) {
      const b = box(j);
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) return `tables ${i} and ${j} overlap`;
      if (tables[i]!.lane < tables[j]!.lane && a.x1 >= b.x0) return `table ${i} (lane ${tables[i]!.lane}) is not left of table ${j} (lane ${tables[j]!.lane})`;
      if (tables[j]!.lane < tables[i]!.lane && b.x1 >= a.x0) return `table ${j} (lane ${tables[j]!.lane}) is not left of table ${i} (lane ${tables[i]!.lane})`;
    }
  }
  for (const [k, e] of edges.entries()) {
    const points = sample(laid.paths[k]!);
    const from = box(e.from);
    const to = box(e.to);
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (Math.abs(first.x - from.x1) > 1e-6 || Math.abs(first.y - (from.y0 + e.fromY)) > 1e-6) return `edge ${k} does not start at its source port`;
    if (Math.abs(last.x - to.x0) > 1e-6 || Math.abs(last.y - (to.y0 + e.toY)) > 1e-6) return `edge ${k} does not end at its target port`;
    for (const p of points) {
      if (p.x < -1e-6 || p.y < -1e-6 || p.x > laid.width + 1e-6 || p.y > laid.height + 1e-6) return `edge ${k} leaves the drawing at ${p.x},${p.y}`;
      for (let i = 0; i < tables.length; i++) {
        const b = box(i);
        if (p.x > b.x0 + 0.5 && p.x < b.x1 - 0.5 && p.y > b.y0 + 0.5 && p.y < b.y1 - 0.5) return `edge ${k} (${e.from} → ${e.to}) crosses table ${i} at ${p.x.toFixed(1)},${p.y.toFixed(1)}`;
      }
    }
  }
  return undefined;
}

const table = (lane: number, rows = 3, width = 120): LayoutTable => ({ lane, width, height: 24 + rows * 18 + 4 });
const edge = (from: number, to: number, fromRow = 0, toRow = 0): LayoutEdge => ({ from, fromY: 24 + fromRow * 18 + 9, to, toY: 24 + toRow * 18 + 9 });

describe('lineage layout', () => {
  test('lanes left to right; an edge skipping lanes passes each lane between through free space', () => {
    // 0, 1 in lane 0; 2, 3 (wide) in lane 1; 4 in lane 2. 0 → 4 must pass lane 1 beside 2 and 3, not through them.
    const tables = [table(0), table(0, 5), table(1, 6, 300), table(1, 6, 300), table(2)];
    const edges = [edge(0, 4, 0, 0), edge(0, 4, 1, 1), edge(1, 2), edge(1, 3, 2, 2), edge(2, 4, 1, 2), edge(3, 4, 5, 0)];
    const laid = layeredLayout(tables, edges, at);
    expect(problems(tables, edges, laid)).toBeUndefined();
    expect(laid).toEqual(layeredLayout(tables, edges, at));
  });

  test('a table written from its own lane goes one column right; a cycle, a backward and a self edge are still drawn clear of tables', () => {
    const tables = [table(0), table(0), table(0), table(1), table(1, 4, 260)];
    // 0 → 1 → 2 in lane 0, 2 → 0 closes a cycle; 4 → 0 runs backwards; 3 → 3 is a table into itself.
    const edges = [edge(0, 1), edge(1, 2), edge(2, 0, 1, 1), edge(2, 3), edge(4, 0, 2, 2), edge(3, 3, 0, 1), edge(0, 4)];
    const laid = layeredLayout(tables, edges, at);
    expect(laid.tables[1]!.x).toBeGreaterThan(laid.tables[0]!.x);
    expect(laid.tables[2]!.x).toBeGreaterThan(laid.tables[1]!.x);
    expect(problems(tables, edges, laid)).toBeUndefined();
  });

  test('the order of each lane removes crossings that the input order has', () => {
    // Sources 0, 1 and targets 2, 3 given crosswise: 0 → 3 and 1 → 2.
    const tables = [table(0), table(0), table(1), table(1)];
    const edges = [edge(0, 3), edge(0, 3, 1, 1), edge(1, 2), edge(1, 2, 2, 2)];
    const laid = layeredLayout(tables, edges, at);
    expect(Math.sign(laid.tables[0]!.y - laid.tables[1]!.y)).toBe(Math.sign(laid.tables[3]!.y - laid.tables[2]!.y));
    expect(problems(tables, edges, laid)).toBeUndefined();
  });

  test('random graphs: no overlaps, lanes in order, no edge through a table, same drawing twice', () => {
    const graph = fc
      .record({
        lanes: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 14 }),
        rows: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 14, maxLength: 14 }),
        widths: fc.array(fc.integer({ min: 60, max: 320 }), { minLength: 14, maxLength: 14 }),
        edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 40 }),
      })
      .map(({ lanes, rows, widths, edges }) => {
        // Lanes are numbered densely, as the page numbers the lanes that hold tables.
        const used = [...new Set(lanes)].sort();
        const tables = lanes.map((l, i) => table(used.indexOf(l), rows[i]!, widths[i]!));
        const n = tables.length;
        return { tables, edges: edges.map(([a, b, r, s]) => edge(a % n, b % n, r % rows[a % n]!, s % rows[b % n]!)) };
      });
    fc.assert(
      fc.property(graph, ({ tables, edges }) => {
        const laid = layeredLayout(tables, edges, at);
        expect(problems(tables, edges, laid)).toBeUndefined();
        expect(layeredLayout(tables, edges, at)).toEqual(laid);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});

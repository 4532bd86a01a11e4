/** Every expression, relation, query and statement the parser produces carries its source span. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { TYPE_ROOTS, parseScript } from '../../src/index.js';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
const jsonl = <T>(path: string): T[] => fixture(path).trim().split('\n').map((l) => JSON.parse(l) as T);

/**
 * Kinds without a span by design: data types (compared structurally by the analyzer, so the parser leaves them
 * bare), JSON ON EMPTY / ON ERROR behaviours, grouping-set groups and window-frame bounds (parts of their node).
 */
const BARE = new Set<string>([...TYPE_ROOTS, 'Null', 'Error', 'Default', 'EmptyArray', 'EmptyObject', 'GroupingSets', 'Rollup', 'Cube',
  'UnboundedPreceding', 'UnboundedFollowing', 'CurrentRow', 'Preceding', 'Following']);

function unspanned(node: unknown, out: string[], path: string): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => unspanned(n, out, `${path}[${i}]`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.kind === 'string' && !BARE.has(o.kind) && o.span === undefined) out.push(`${path}: ${o.kind}`);
  for (const [k, v] of Object.entries(o)) if (k !== 'span') unspanned(v, out, `${path}.${k}`);
}

test('every node of every reference query and expression has a span', () => {
  const texts = [
    ...jsonl<{ query: string }>('flink-semantics/streaming.jsonl').map((c) => c.query),
    ...jsonl<{ sql: string }>('flink-semantics/functions.jsonl').map((c) => `SELECT ${c.sql}`),
    "CREATE TABLE t (a INT, b AS a + 1, c INT METADATA FROM 'offset' VIRTUAL, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (a) NOT ENFORCED) WITH ('connector' = 'x');",
    "INSERT INTO s SELECT CASE a WHEN 1, 2 THEN 'x' WHEN 3 THEN 'y' END FROM t, LATERAL TABLE(f(a)) AS x(y) CROSS JOIN UNNEST(arr) AS u(v);",
  ];
  const missing: string[] = [];
  for (const text of texts) {
    const { script, diagnostics } = parseScript(text);
    expect(diagnostics).toEqual([]);
    unspanned(script.statements, missing, text.slice(0, 40));
  }
  expect(missing).toEqual([]);
});

/**
 * A query nested deeper than the stack left to bind it: one FTS4499, at a query inside the statement, and nothing bound
 * again. A catch per nesting level left each sub-query unbound and typing bound it anew, so one overflow became one
 * FTS4499 per level (8,192 at 490 levels through the CLI, 35 s). The stack is used up here on purpose: the statement
 * is checked under `depth` frames of padding, the least that makes it overflow.
 */
import { describe, expect, test } from 'vitest';
import { checkScript, parseScript } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';

const T = "CREATE TABLE t (a INT, b INT, s STRING) WITH ('connector' = 'datagen');\nCREATE TABLE k (a INT, b INT, s STRING) WITH ('connector' = 'blackhole');\n";
const N = 150;
const nested = {
  scalar: `${T}INSERT INTO k SELECT ${'(SELECT '.repeat(N)}a${' FROM t)'.repeat(N)}, b, s FROM t;`,
  in: `${T}INSERT INTO k SELECT a, b, s FROM t WHERE ${'a IN (SELECT a FROM t WHERE '.repeat(N)}a > 0${')'.repeat(N)};`,
};

function padded(depth: number, f: () => Diagnostic[]): Diagnostic[] {
  return depth > 0 ? [...padded(depth - 1, f)] : f();
}

/** `f` run under `depth` frames of padding; 'overflow' when an exception escapes it (the padding alone, or `f`). */
function attempt(depth: number, f: () => Diagnostic[]): Diagnostic[] | 'overflow' {
  try {
    return padded(depth, f);
  } catch (e) {
    if (e instanceof RangeError) return 'overflow';
    throw e;
  }
}

describe('a stack overflow while binding', () => {
  test.each(Object.entries(nested))('%s sub-queries: one FTS4499, inside the statement, nothing re-bound', (_kind, sql) => {
    const { script, diagnostics } = parseScript(sql);
    expect(diagnostics).toEqual([]);
    const check = () => checkScript(script);
    expect(check()).toEqual([]);
    // The least padding under which checking the statement runs out of stack (found by bisection).
    // Bisect for the least padding under which the check no longer comes out clean; V8 tiers functions up as they
    // run, so the edge moves a little between attempts: every attempt that ran out of stack is judged.
    const outcomes: { r: Diagnostic[] | 'overflow'; ms: number }[] = [];
    const clean = (depth: number): boolean => {
      const started = performance.now();
      const r = attempt(depth, check);
      if (r !== 'overflow' && r.length === 0) return true;
      outcomes.push({ r, ms: performance.now() - started });
      return false;
    };
    let ok = 0;
    let fails = 1;
    while (clean(fails)) fails *= 2;
    while (fails - ok > 1) {
      const mid = (ok + fails) >> 1;
      if (clean(mid)) ok = mid;
      else fails = mid;
    }
    for (let depth = fails; depth < fails + 40; depth += 4) clean(depth);
    const diagnosed = outcomes.filter((o) => o.r !== 'overflow');
    expect(diagnosed.length).toBeGreaterThan(0);
    for (const { r, ms } of diagnosed) {
      const ds = r as Diagnostic[];
      expect(ds.map((d) => d.code)).toEqual(['FTS4499']);
      expect(ds[0]!.span!.start.line).toBe(3);
      // Bound once: a re-bind per level took seconds at 150 levels.
      expect(ms).toBeLessThan(2_000);
    }
  });
});

/**
 * `keepChangelog: false` keeps only the final tables, and a group aggregation into a sink keyed by its grouping
 * keys then folds each key's intermediate updates. The final tables must be exactly those of the full run —
 * same rows, same order, same errors — for every sink shape, folded or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

type Row = { k: number | null; j: number; v: string | null };
type Entry = { kind: '+I' | '-U' | '+U' | '-D'; row: Row };

const SOURCE = "CREATE TABLE src (k INT, j INT, v BIGINT) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');";

/** A valid changelog: retractions only of rows that are live, updates as -U/+U pairs. */
const changelog = fc
  .array(
    fc.record({
      op: fc.constantFrom('insert', 'insert', 'insert', 'delete', 'update'),
      pick: fc.nat(),
      k: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-3, 70_000, 2_147_483_647)),
      j: fc.integer({ min: 0, max: 2 }),
      v: fc.oneof(fc.constant(null), fc.bigInt({ min: -1000n, max: 1000n }), fc.constantFrom(2n ** 62n, -(2n ** 63n), 3n * 2n ** 51n)),
    }),
    { maxLength: 60 },
  )
  .map((steps) => {
    const live: Row[] = [];
    const out: Entry[] = [];
    for (const s of steps) {
      const row: Row = { k: s.k, j: s.j, v: s.v === null ? null : s.v.toString() };
      if (s.op === 'insert' || live.length === 0) {
        live.push(row);
        out.push({ kind: '+I', row });
        continue;
      }
      const [old] = live.splice(s.pick % live.length, 1) as [Row];
      if (s.op === 'delete') out.push({ kind: '-D', row: old });
      else {
        live.push(row);
        out.push({ kind: '-U', row: old }, { kind: '+U', row });
      }
    }
    return out;
  });

function finalTable(sql: string, entries: readonly Entry[], keepChangelog: boolean): { table: readonly string[] } | { error: string } {
  try {
    return { table: runJob(sql, { inputs: { src: entries as unknown as TestEntry[] }, keepChangelog }).table('snk') };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const SHAPES: Record<string, string> = {
  'sink keyed by the grouping key (folded)': `
    CREATE TABLE snk (k INT, cnt BIGINT, total BIGINT, lo BIGINT, hi BIGINT, avg_v BIGINT, d BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, COUNT(*), SUM(v), MIN(v), MAX(v), AVG(v), COUNT(DISTINCT j) FROM src GROUP BY k;`,
  'sink keyed by two grouping keys in another order (folded)': `
    CREATE TABLE snk (k INT, j INT, cnt BIGINT, total BIGINT, PRIMARY KEY (j, k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, j, COUNT(*), SUM(v) FROM src GROUP BY k, j;`,
  'sink keyed by part of the grouping keys (last write wins: not folded)': `
    CREATE TABLE snk (k INT, j INT, cnt BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, j, COUNT(*) FROM src GROUP BY k, j;`,
  'sink keyed by an aggregate (stale keys stay: not folded)': `
    CREATE TABLE snk (k INT, cnt BIGINT, PRIMARY KEY (cnt) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;`,
  'sink without a primary key (retract stream: not folded)': `
    CREATE TABLE snk (k INT, cnt BIGINT, total BIGINT) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;`,
  'NOT NULL column fed by a nullable SUM (the enforcer sees every update: not folded)': `
    CREATE TABLE snk (k INT, total BIGINT NOT NULL, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, SUM(v) FROM src GROUP BY k;`,
  'NOT NULL column fed by a nullable SUM, enforcer DROP': `
    SET 'table.exec.sink.not-null-enforcer' = 'DROP';
    CREATE TABLE snk (k INT, total BIGINT NOT NULL, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, SUM(v) FROM src GROUP BY k;`,
  'sink column wider than the aggregate (converted: not folded)': `
    CREATE TABLE snk (k INT, total DECIMAL(30, 2), PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, SUM(v) FROM src GROUP BY k;`,
};

describe('keepChangelog: false', () => {
  for (const [shape, ddl] of Object.entries(SHAPES)) {
    it(`gives the full run's final table: ${shape}`, () => {
      const sql = SOURCE + ddl;
      fc.assert(
        fc.property(changelog, (entries) => {
          expect(finalTable(sql, entries, false)).toEqual(finalTable(sql, entries, true));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('folds a key written many times into one final row, in first-insertion order', () => {
    const sql = `${SOURCE}
      CREATE TABLE snk (k INT, cnt BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;`;
    const entries: Entry[] = [];
    // i ≡ r (mod 5) lands in key 7r mod 5, so key 0 sums 0 + 5 + … + 2995 = 898,500 and each next residue adds 600
    for (let i = 0; i < 3000; i++) entries.push({ kind: '+I', row: { k: (i * 7) % 5, j: 0, v: String(i) } });
    const run = runJob(sql, { inputs: { src: entries as unknown as TestEntry[] }, keepChangelog: false });
    expect(run.table('snk')).toEqual(['0, 600, 898500', '2, 600, 899100', '4, 600, 899700', '1, 600, 900300', '3, 600, 900900']);
  });

  it('a NULL grouping key written into the primary key fails as in the full run', () => {
    const sql = `${SOURCE}
      CREATE TABLE snk (k INT, cnt BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;`;
    const entries: Entry[] = [{ kind: '+I', row: { k: 1, j: 0, v: '1' } }, { kind: '+I', row: { k: null, j: 0, v: '1' } }];
    expect(() => runJob(sql, { inputs: { src: entries as unknown as TestEntry[] }, keepChangelog: false })).toThrow(/Column 'k' is NOT NULL/);
  });

  it('reading a changelog that was not kept is an error naming the option', () => {
    const sql = `${SOURCE}
      CREATE TABLE snk (k INT, cnt BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;`;
    const run = runJob(sql, { inputs: { src: [{ k: 1, j: 0, v: '1' }] }, keepChangelog: false });
    expect(run.table('snk')).toEqual(['1, 1']);
    expect(() => run.changelog('snk')).toThrow(/was not kept \(keepChangelog: false\)/);
  });
});

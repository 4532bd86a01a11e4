/**
 * `flinkts import` against real Flink 1.20.1. The script of every construct the import writes with the builder
 * (test/cli/import-fixtures/builders.sql) is accepted by Flink's planner, so what the round trip keeps is Flink SQL.
 * Seed 001 as shipped ends with a statement `flinkts import` refuses (an empty column list and `ENCRYPTED WITH`):
 * the import takes the rest and carries that statement as a comment. Real Flink 1.20.1 refuses the same statement at
 * the same place: its parser stops at the empty column list (our first diagnostic); once a column is there it stops at
 * ENCRYPTED (our second); without both the statement is accepted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { verifyScript } from '@flinkts/core/flink';
import { applyCertainFixes } from '@flinkts/pipelines/internal';

const SEED = fileURLToPath(new URL('../../examples/wrongbook/seed/seed-001.sql', import.meta.url));
const BUILDERS = fileURLToPath(new URL('../cli/import-fixtures/builders.sql', import.meta.url));

test('the builders fixture (aggregation, window TVFs, TopN, deduplication, temporal and lookup joins, WITH, UNION ALL) is planned by Flink 1.20.1', async () => {
  const r = await verifyScript(readFileSync(BUILDERS, 'utf8'), { file: 'builders.sql' });
  expect(r.diagnostics).toEqual([]);
  expect(r.ok).toBe(true);
}, 600_000);

test("seed 001's refused statement: Flink 1.20.1 rejects it where the import's diagnostics point", async () => {
  const fixed = applyCertainFixes(readFileSync(SEED, 'utf8'), 'seed-001.sql');
  expect(fixed.refused).toHaveLength(1);
  const refused = fixed.refused[0]!;
  expect([refused.firstLine, refused.lastLine]).toEqual([103, 115]);
  expect(refused.errors.map((d) => [d.code, d.span?.start.line, d.span?.start.column])).toEqual([['FTS1001', 106, 1], ['FTS1004', 112, 3]]);
  // The statement alone, at its lines in the seed, so Flink's positions are the seed's.
  const at = (text: string) => `${'\n'.repeat(refused.firstLine - 1)}${text}`;
  const where = (r: Awaited<ReturnType<typeof verifyScript>>) => [r.ok, r.diagnostics[0]?.span?.start.line, r.diagnostics[0]?.span?.start.column];
  expect(where(await verifyScript(at(refused.text)))).toEqual([false, 106, 1]);
  const withColumn = refused.text.replace('-- 字段定义', 'id BIGINT');
  expect(where(await verifyScript(at(withColumn)))).toEqual([false, 112, 3]);
  expect(where(await verifyScript(at(withColumn.replace(/\) ENCRYPTED WITH \([^)]*\)/, ')'))))).toEqual([true, undefined, undefined]);
}, 600_000);

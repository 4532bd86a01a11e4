/**
 * `flinkts check` on MATCH_RECOGNIZE: over an updating input it is FTS4211 (Flink 1.20.1's planner refuses it with
 * "Match Recognize doesn't support consuming update and delete changes"), over an insert-only input nothing.
 */
import { describe, expect, test } from 'vitest';
import { changelogDiagnostics } from '../analyzer/connector-capabilities.js';

const K = "'connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json'";
const UK = "'connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'k:9092', 'key.format' = 'json', 'value.format' = 'json'";
const TABLES = [
  `CREATE TABLE ticks (sym STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (${K}, 'topic' = 'ticks');`,
  `CREATE TABLE quotes (sym STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (sym) NOT ENFORCED) WITH (${UK}, 'topic' = 'quotes');`,
  `CREATE TABLE out_t (sym STRING, p INT) WITH (${K}, 'topic' = 'out');`,
].join('\n');
const MR = 'MATCH_RECOGNIZE (PARTITION BY sym ORDER BY ts MEASURES LAST(B.price) AS p PATTERN (A B) DEFINE B AS B.price > A.price) AS m;';

describe('MATCH_RECOGNIZE in flinkts check', () => {
  test('over an upsert source: FTS4211 at the clause, naming the updating input', () => {
    const d = changelogDiagnostics(`${TABLES}\nINSERT INTO out_t SELECT * FROM quotes ${MR}`);
    expect(d.map((x) => x.code)).toEqual(['FTS4211']);
    expect(d[0]!.message).toMatch(/^Match Recognize doesn't support consuming update and delete changes, which upsert source 'quotes'/);
    expect(d[0]!.span?.start).toMatchObject({ line: 4, column: 33 });
  });

  test('over an insert-only source: no diagnostic', () => {
    expect(changelogDiagnostics(`${TABLES}\nINSERT INTO out_t SELECT * FROM ticks ${MR}`)).toEqual([]);
  });
});

/**
 * The LATERAL TABLE cases run by the local runtime (table-function.test.ts) and by real Flink 1.20.1
 * (test/flink/table-function.test.ts): the same SQL, fixtures and expected changelogs, with the JS function here and
 * the bridge's Java `SplitWords` on Flink.
 */
import { tableFunction } from '../../src/testing/index.js';

export const DDL = `
  CREATE TABLE docs (id INT, body STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
  CREATE TABLE words (id INT, word STRING, len INT) WITH ('connector' = 'values');
  CREATE FUNCTION split_words AS 'dev.flinkts.bridge.udf.SplitWords';
`;

/** The JS twin of the bridge's SplitWords: one row per space-separated word of a non-NULL text. */
export const splitWords = tableFunction({
  returns: { word: 'STRING', len: 'INT' },
  *eval(text: string | null) {
    if (text === null) return;
    for (const w of text.split(' ')) if (w !== '') yield { word: w, len: w.length };
  },
});

export const INPUT = [
  { id: 1, body: 'hello big world', ts: '2024-01-01 00:00:01' },
  { id: 2, body: null, ts: '2024-01-01 00:00:02' },
  { id: 3, body: '  ', ts: '2024-01-01 00:00:03' },
  { id: 4, body: 'x', ts: '2024-01-01 00:00:04' },
];

export const TABLE_FUNCTION_CASES: readonly { readonly name: string; readonly sql: string; readonly expected: readonly string[] }[] = [
  {
    name: 'CROSS JOIN LATERAL TABLE, no column aliases (typed by the declared row)',
    sql: 'INSERT INTO words SELECT id, word, len FROM docs CROSS JOIN LATERAL TABLE(split_words(body))',
    expected: ['+I[1, hello, 5]', '+I[1, big, 3]', '+I[1, world, 5]', '+I[4, x, 1]'],
  },
  {
    name: 'the comma form with aliases renaming the row',
    sql: 'INSERT INTO words SELECT d.id, t.w, t.n * 10 FROM docs AS d, LATERAL TABLE(split_words(UPPER(d.body))) AS t(w, n) WHERE t.n > 1',
    expected: ['+I[1, HELLO, 50]', '+I[1, BIG, 30]', '+I[1, WORLD, 50]'],
  },
  {
    name: 'LEFT JOIN LATERAL TABLE … ON TRUE pads a row the function produces nothing for',
    sql: 'INSERT INTO words SELECT id, word, len FROM docs LEFT JOIN LATERAL TABLE(split_words(body)) ON TRUE',
    expected: ['+I[1, hello, 5]', '+I[1, big, 3]', '+I[1, world, 5]', '+I[2, null, null]', '+I[3, null, null]', '+I[4, x, 1]'],
  },
];

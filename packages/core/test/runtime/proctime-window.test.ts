/**
 * Processing-time window aggregation on the local runtime, with the clock moved by the test: rows go to the window
 * of the instant the clock reads when they are pushed, windows fire when `{ processingTime }` entries move the
 * clock past their end (never by themselves, never at the end of the input), aligned to the session zone.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

const DDL = `
  CREATE TABLE ev (k STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'values');
  CREATE TABLE snk (k STRING, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s INT) WITH ('connector' = 'values');`;
const TUMBLE = `${DDL} INSERT INTO snk SELECT k, window_start, window_end, COUNT(*), SUM(v)
  FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end;`;

const START = Date.UTC(2024, 4, 1, 2, 1, 0); // 10:01 in Asia/Shanghai
const at = (hhmm: string): TestEntry => ({ processingTime: `2024-05-01 ${hhmm}:00` });

function run(sql: string, ev: readonly TestEntry[], zone = 'UTC', now = START) {
  return runJob(sql, { inputs: { ev }, now: () => now, config: { 'table.local-time-zone': zone } });
}

describe('processing-time window aggregation', () => {
  it('assigns rows by the clock at arrival and fires a window when the clock passes its end', () => {
    const r = run(TUMBLE, [
      ['a', 1], ['b', 2], ['a', 3], // 10:01 local
      at('10:04'), ['a', 4], // still [10:00, 10:05)
      at('10:07'), // [10:00, 10:05) fires: a and b in the order their groups opened
      ['a', 10], ['c', 20],
      at('10:09'), // nothing due
      { kind: '+I', row: ['c', 1] },
      at('10:10'), // [10:05, 10:10) fires at 10:09:59.999
      ['z', 99], // open at the end of the input: dropped, as a bounded Flink job drops it
    ], 'Asia/Shanghai');
    expect(r.changelog('snk')).toEqual([
      '+I[a, 2024-05-01T10:00, 2024-05-01T10:05, 3, 8]',
      '+I[b, 2024-05-01T10:00, 2024-05-01T10:05, 1, 2]',
      '+I[a, 2024-05-01T10:05, 2024-05-01T10:10, 1, 10]',
      '+I[c, 2024-05-01T10:05, 2024-05-01T10:10, 2, 21]',
    ]);
  });

  it('aligns windows to the session zone: a day window in Asia/Shanghai starts at local midnight', () => {
    const sql = `${DDL} INSERT INTO snk SELECT k, window_start, window_end, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '1' DAY)) GROUP BY k, window_start, window_end;`;
    const ev: TestEntry[] = [['a', 1], { processingTime: '2024-05-02 00:00:00' }];
    expect(run(sql, ev, 'Asia/Shanghai').changelog('snk')).toEqual(['+I[a, 2024-05-01T00:00, 2024-05-02T00:00, 1, 1]']);
    // the same instants in UTC: 02:01 UTC, the day ends at 2024-05-02 00:00 UTC (08:00 Shanghai): not yet at 00:00 Shanghai
    expect(run(sql, [['a', 1], { processingTime: Date.UTC(2024, 4, 1, 16, 0) }], 'UTC').changelog('snk')).toEqual([]);
    expect(run(sql, [['a', 1], { processingTime: Date.UTC(2024, 4, 2) }], 'UTC').changelog('snk')).toEqual(['+I[a, 2024-05-01T00:00, 2024-05-02T00:00, 1, 1]']);
  });

  it('HOP and CUMULATE: a row is in every window of its arrival instant; each fires at its own end', () => {
    const hop = `${DDL} INSERT INTO snk SELECT 'h', window_start, window_end, COUNT(*), SUM(v) FROM TABLE(HOP(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE)) GROUP BY window_start, window_end;`;
    const ev: TestEntry[] = [['a', 1], at('10:06'), ['a', 2], at('10:30')];
    expect(run(hop, ev, 'Asia/Shanghai').changelog('snk')).toEqual([
      '+I[h, 2024-05-01T09:55, 2024-05-01T10:05, 1, 1]',
      '+I[h, 2024-05-01T10:00, 2024-05-01T10:10, 2, 3]',
      '+I[h, 2024-05-01T10:05, 2024-05-01T10:15, 1, 2]',
    ]);
    const cumulate = `${DDL} INSERT INTO snk SELECT 'c', window_start, window_end, COUNT(*), SUM(v) FROM TABLE(CUMULATE(TABLE ev, DESCRIPTOR(pt), INTERVAL '2' MINUTE, INTERVAL '6' MINUTE)) GROUP BY window_start, window_end;`;
    expect(run(cumulate, ev, 'Asia/Shanghai').changelog('snk')).toEqual([
      '+I[c, 2024-05-01T10:00, 2024-05-01T10:02, 1, 1]',
      '+I[c, 2024-05-01T10:00, 2024-05-01T10:04, 1, 1]',
      '+I[c, 2024-05-01T10:00, 2024-05-01T10:06, 1, 1]',
      '+I[c, 2024-05-01T10:06, 2024-05-01T10:08, 1, 2]',
      '+I[c, 2024-05-01T10:06, 2024-05-01T10:10, 1, 2]',
      '+I[c, 2024-05-01T10:06, 2024-05-01T10:12, 1, 2]',
    ]);
  });

  it('legacy GROUP BY TUMBLE(pt, …) with TUMBLE_START / TUMBLE_END runs the same windows; a WHERE between is fine', () => {
    const sql = `${DDL} INSERT INTO snk SELECT k, TUMBLE_START(pt, INTERVAL '5' MINUTE), TUMBLE_END(pt, INTERVAL '5' MINUTE), COUNT(*), SUM(v)
      FROM ev WHERE v > 0 GROUP BY k, TUMBLE(pt, INTERVAL '5' MINUTE);`;
    const tvfFiltered = `${DDL} INSERT INTO snk SELECT k, window_start, window_end, COUNT(*), SUM(v)
      FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) WHERE v > 0 GROUP BY k, window_start, window_end;`;
    const ev: TestEntry[] = [['a', 1], ['a', 0], ['b', 2], at('10:05'), ['a', 5], at('10:11')];
    const expected = [
      '+I[a, 2024-05-01T10:00, 2024-05-01T10:05, 1, 1]',
      '+I[b, 2024-05-01T10:00, 2024-05-01T10:05, 1, 2]',
      '+I[a, 2024-05-01T10:05, 2024-05-01T10:10, 1, 5]',
    ];
    expect(run(sql, ev, 'Asia/Shanghai').changelog('snk')).toEqual(expected);
    expect(run(tvfFiltered, ev, 'Asia/Shanghai').changelog('snk')).toEqual(expected);
  });

  it('one advance across several windows fires them in time order, each at its own end (a window reads its firing instant)', () => {
    const sql = `${DDL} CREATE TABLE times (ws TIMESTAMP(3), fired STRING) WITH ('connector' = 'values');
      INSERT INTO times SELECT window_start, CAST(CAST(window_time AS TIMESTAMP(3)) AS STRING) FROM (
        SELECT TUMBLE_START(pt, INTERVAL '1' MINUTE) AS window_start, TUMBLE_PROCTIME(pt, INTERVAL '1' MINUTE) AS window_time FROM ev GROUP BY TUMBLE(pt, INTERVAL '1' MINUTE));`;
    const ev: TestEntry[] = [['a', 1], at('10:02'), ['a', 1], at('10:03'), ['b', 1], at('10:59')];
    expect(run(sql, ev, 'UTC', Date.UTC(2024, 4, 1, 10, 1, 30)).changelog('times')).toEqual([
      '+I[2024-05-01T10:01, 2024-05-01 10:01:59.999]',
      '+I[2024-05-01T10:02, 2024-05-01 10:02:59.999]',
      '+I[2024-05-01T10:03, 2024-05-01 10:03:59.999]',
    ]);
  });

  it('over an updating input a -U / -D leaves the window of its own arrival; a group of no rows emits nothing', () => {
    const sql = `
      CREATE TABLE ev (k STRING, v INT, pt AS PROCTIME(), PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
      CREATE TABLE snk (ws TIMESTAMP(3), n BIGINT, s INT) WITH ('connector' = 'values');
      INSERT INTO snk SELECT window_start, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY window_start, window_end;`;
    const ev: TestEntry[] = [
      { kind: '+I', row: ['a', 1] }, { kind: '+I', row: ['b', 2] }, { kind: '-U', row: ['a', 1] }, { kind: '+U', row: ['a', 5] },
      at('10:05'),
      { kind: '-D', row: ['b', 2] }, // the delete lands in [10:05, 10:10): a count of -1 there
      at('10:10'),
      { kind: '+I', row: ['c', 3] }, { kind: '-D', row: ['c', 3] }, // taken back in the same window: nothing
      at('10:15'),
    ];
    expect(run(sql, ev, 'Asia/Shanghai').changelog('snk')).toEqual([
      '+I[2024-05-01T10:00, 2, 7]',
      '+I[2024-05-01T10:05, -1, -2]',
    ]);
  });

  it('the SESSION TVF with PARTITION BY k, grouped by k and its window: a session per key, fired at its end', () => {
    const sql = `${DDL} INSERT INTO snk SELECT k, window_start, window_end, COUNT(*), SUM(v)
      FROM TABLE(SESSION(TABLE ev PARTITION BY k, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end;`;
    // the same sessions as legacy GROUP BY k, SESSION(pt, …), checked on Flink in test/flink/proctime-window.test.ts
    const r = run(sql, [['a', 1], ['b', 2], at('10:03'), ['a', 3], { processingTime: '2024-05-01 10:07:30' }, ['a', 4], ['b', 7], at('10:20'), ['c', 1]], 'UTC', Date.UTC(2024, 4, 1, 10, 1, 0));
    expect(r.changelog('snk')).toEqual([
      '+I[b, 2024-05-01T10:01, 2024-05-01T10:06, 1, 2]',
      '+I[a, 2024-05-01T10:01, 2024-05-01T10:12:30, 3, 8]',
      '+I[b, 2024-05-01T10:07:30, 2024-05-01T10:12:30, 1, 7]',
    ]);
  });

  it('PROCTIME() reads the clock: the first reading is now(), then the last advance', () => {
    const sql = `CREATE TABLE ev (k STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'values');
      CREATE TABLE snk (k STRING, t STRING) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, CAST(CAST(pt AS TIMESTAMP(3)) AS STRING) FROM ev;`;
    expect(run(sql, [['a', 1], at('10:30'), ['b', 1]], 'Asia/Shanghai').changelog('snk')).toEqual([
      '+I[a, 2024-05-01 10:01:00.000]',
      '+I[b, 2024-05-01 10:30:00.000]',
    ]);
  });

  it('rejects going back in time, and what Flink does not run on processing-time windows', () => {
    expect(() => run(TUMBLE, [at('10:00')], 'Asia/Shanghai')).toThrow(/processing time cannot go back/);
    const alone = `${DDL} CREATE TABLE plain (k STRING, ws TIMESTAMP(3)) WITH ('connector' = 'values');
      INSERT INTO plain SELECT k, window_start FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE));`;
    expect(() => run(alone, [['a', 1]])).toThrow(/FTS7001|processing-time window TVF outside a window aggregation/);
    const session = `${DDL} CREATE TABLE plain (k STRING, ws TIMESTAMP(3)) WITH ('connector' = 'values');
      INSERT INTO plain SELECT k, window_start FROM TABLE(SESSION(TABLE ev PARTITION BY k, DESCRIPTOR(pt), INTERVAL '5' MINUTE));`;
    expect(() => run(session, [['a', 1]])).toThrow(/FTS7001[\s\S]*processing-time SESSION window TVF read other than by its window aggregation/);
    const topn = `${DDL} CREATE TABLE top (k STRING, ws TIMESTAMP(3)) WITH ('connector' = 'values');
      INSERT INTO top SELECT k, window_start FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY v DESC) AS rn
        FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE))) WHERE rn <= 1;`;
    expect(() => run(topn, [['a', 1]])).toThrow(/Flink 1.20 rejects window TopN and window deduplication on processing-time windows/);
  });
});

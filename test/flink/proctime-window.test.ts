/**
 * Processing-time window aggregation: what of it real Flink 1.20.1 (the bridge) shows deterministically, against
 * the local runtime on the same job and input.
 *
 * The bridge fixes Flink's processing-time clock at `now()` for a whole run, and a bounded run ends long before a
 * window of an hour does, so the deterministic facts are: the job plans (a TUMBLE window TVF and a legacy TUMBLE
 * group window on PROCTIME()), with the same result columns; the rows flow; and a processing-time window still
 * open when the bounded input ends is dropped (WindowAggOperator has no end-of-input flush), while an event-time
 * window of the same rows fires on the final watermark. When a window fires, and which rows it holds, depends on
 * when rows reach the task on a real cluster; the local runtime makes that explicit (the test moves the clock:
 * packages/core/test/runtime/proctime-window.test.ts), which the bridge's cluster clock cannot follow.
 *
 * What the windows do as processing time moves is checked against Flink's own operator: the bridge plans the
 * INSERT with Flink 1.20.1's planner, takes the window aggregation operator it builds (WindowAggOperator for the
 * window TVFs, AggregateWindowOperator for legacy group windows) and runs it in Flink's operator test harness, feeding the
 * same rows and setting processing time where the local test moves its clock. The local job's sink receives the
 * operator's output unchanged (the INSERT selects the operator's columns in its order).
 */
import { describe, expect, test } from 'vitest';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { runJob } from '@flinkts/core/testing';
import type { JobRun, TestEntry } from '@flinkts/core/testing';

const JOB = `
CREATE TABLE ev (k STRING, v INT, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
CREATE TABLE by_proctime (k STRING, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT) WITH ('connector' = 'values');
CREATE TABLE by_legacy_proctime (k STRING, ws TIMESTAMP(3), n BIGINT) WITH ('connector' = 'values');
CREATE TABLE by_rowtime (k STRING, ws TIMESTAMP(3), n BIGINT) WITH ('connector' = 'values');
CREATE TABLE seen (n BIGINT) WITH ('connector' = 'values');
BEGIN STATEMENT SET;
INSERT INTO by_proctime SELECT k, window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '1' HOUR)) GROUP BY k, window_start, window_end;
INSERT INTO by_legacy_proctime SELECT k, TUMBLE_START(pt, INTERVAL '1' HOUR), COUNT(*) FROM ev GROUP BY k, TUMBLE(pt, INTERVAL '1' HOUR);
INSERT INTO by_rowtime SELECT k, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY k, window_start, window_end;
INSERT INTO seen SELECT COUNT(*) FROM ev;
END;`;

const INPUT = [
  { k: 'a', v: 1, ts: '2024-05-01 10:00:01' },
  { k: 'b', v: 2, ts: '2024-05-01 10:00:02' },
  { k: 'a', v: 3, ts: '2024-05-01 10:00:03' },
];

/** 10:00:05 in Asia/Shanghai: an hour window is open for almost an hour more. */
const NOW = Date.UTC(2024, 4, 1, 2, 0, 5);

const run = (engine: 'local' | 'flink'): JobRun =>
  runJob(JOB, { inputs: { ev: INPUT }, engine, now: () => NOW, config: { 'table.local-time-zone': 'Asia/Shanghai' } });

describe('processing-time windows: local runtime and Flink 1.20.1', () => {
  test('plan alike; at the end of a bounded input open processing-time windows are dropped, event-time ones fire', () => {
    const local = run('local');
    const flink = run('flink');
    for (const sink of ['by_proctime', 'by_legacy_proctime', 'by_rowtime', 'seen']) {
      expect(local.changelog(sink), sink).toEqual(flink.changelog(sink));
    }
    expect(flink.table('seen')).toEqual(['3']);
    expect(flink.changelog('by_proctime')).toEqual([]);
    expect(flink.changelog('by_legacy_proctime')).toEqual([]);
    expect([...flink.changelog('by_rowtime')].sort()).toEqual(['+I[a, 2024-05-01T10:00, 2]', '+I[b, 2024-05-01T10:00, 1]']);
  }, 600_000);
});

/** One job and input: the local runtime's sink changelog and the Flink operator's output, in order. */
async function both(ddl: readonly string[], insert: string, input: readonly ({ kind?: '+I' | '-U' | '+U' | '-D'; row: Record<string, string | number> } | { processingTime: number })[], start: number) {
  const config = { 'table.local-time-zone': 'Asia/Shanghai' };
  const entries: TestEntry[] = input.map((e) => ('processingTime' in e ? e : e.kind === undefined ? e.row : { kind: e.kind, row: e.row }));
  const local = runJob([...ddl, insert].join(';\n') + ';', { inputs: { ev: entries }, now: () => start, config }).changelog('snk');
  const flink = await FlinkBridgeClient.connect().windowOperator({ statements: [...ddl, insert], config, start, input });
  // the legacy WindowOperator also emits its proctime property, w$proctime, as NULL: a Calc after it materializes
  // it (PROCTIME_MATERIALIZE) when selected; this INSERT does not select it
  const proctimeProperty = flink.outputFields[flink.outputFields.length - 1] === 'w$proctime';
  const output = proctimeProperty ? flink.output.map((row) => row.replace(/, null\]$/, ']')) : flink.output;
  return { local, flink: output, operator: flink.operator };
}

const T0 = Date.UTC(2024, 4, 1, 2, 1, 0); // 10:01 in Asia/Shanghai
const at = (hhmmss: string) => ({ processingTime: Date.parse(`2024-05-01T${hhmmss}+08:00`) });
const r = (k: string, v: number, kind?: '+I' | '-U' | '+U' | '-D') => ({ ...(kind ? { kind } : {}), row: { k, v } });
const EV = "CREATE TABLE ev (k STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'values')";
const EV_CHANGELOG = "CREATE TABLE ev (k STRING, v INT, pt AS PROCTIME(), PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D')";
const SNK = "CREATE TABLE snk (k STRING, n BIGINT, s INT, ws TIMESTAMP(3), we TIMESTAMP(3)) WITH ('connector' = 'values')";

describe("processing-time windows: the local runtime and Flink 1.20.1's window operator, with processing time set", () => {
  test('TUMBLE: rows go to the window of the clock on arrival; a window fires when the clock passes its end', async () => {
    const input = [r('a', 1), r('b', 2), r('a', 3), at('10:04:59'), r('a', 4), at('10:05:00'), r('a', 10), r('c', 20), at('10:09:00'), r('c', 1), at('10:12:00'), r('z', 9)];
    const { local, flink, operator } = await both([EV, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), window_start, window_end FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end", input, T0);
    expect(operator).toBe('WindowAggOperator');
    expect(local).toEqual(flink);
    expect(flink).toEqual([
      '+I[a, 3, 8, 2024-05-01T10:00, 2024-05-01T10:05]',
      '+I[b, 1, 2, 2024-05-01T10:00, 2024-05-01T10:05]',
      '+I[a, 1, 10, 2024-05-01T10:05, 2024-05-01T10:10]',
      '+I[c, 2, 21, 2024-05-01T10:05, 2024-05-01T10:10]',
    ]);
  }, 600_000);

  test('HOP and CUMULATE: a row in every window of its arrival instant, each fired at its end', async () => {
    const input = [r('a', 1), at('10:06:00'), r('a', 2), r('b', 5), at('10:30:00')];
    const hop = await both([EV, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), window_start, window_end FROM TABLE(HOP(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE)) GROUP BY k, window_start, window_end", input, T0);
    expect(hop.local).toEqual(hop.flink);
    expect(hop.flink).toHaveLength(5);
    const cumulate = await both([EV, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), window_start, window_end FROM TABLE(CUMULATE(TABLE ev, DESCRIPTOR(pt), INTERVAL '2' MINUTE, INTERVAL '6' MINUTE)) GROUP BY k, window_start, window_end", input, T0);
    expect(cumulate.local).toEqual(cumulate.flink);
    expect(cumulate.flink).toHaveLength(9);
  }, 600_000);

  test('over a changelog: -U / -D leave the window they arrive in; a group emptied by them emits nothing', async () => {
    const input = [r('a', 1, '+I'), r('b', 2, '+I'), r('a', 1, '-U'), r('a', 5, '+U'), at('10:05:00'), r('b', 2, '-D'), r('c', 3, '+I'), at('10:10:00'), r('d', 4, '+I'), r('d', 4, '-D'), at('10:15:00')];
    const { local, flink } = await both([EV_CHANGELOG, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), window_start, window_end FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end", input, T0);
    expect(local).toEqual(flink);
    // b's delete lands in [10:05, 10:10) alone: a count of -1 is emitted; d, inserted and deleted there, is not
    expect(flink).toEqual([
      '+I[a, 1, 5, 2024-05-01T10:00, 2024-05-01T10:05]',
      '+I[b, 1, 2, 2024-05-01T10:00, 2024-05-01T10:05]',
      '+I[b, -1, -2, 2024-05-01T10:05, 2024-05-01T10:10]',
      '+I[c, 1, 3, 2024-05-01T10:05, 2024-05-01T10:10]',
    ]);
  }, 600_000);

  test('SESSION (legacy GROUP BY SESSION, and the TVF grouped by its window): sessions merge as the clock moves, each fires at its end', async () => {
    const input = [r('a', 1), r('b', 2), at('10:03:00'), r('a', 3), at('10:07:30'), r('a', 4), r('b', 7), at('10:20:00'), r('c', 1)];
    const expected = ['+I[b, 1, 2, 2024-05-01T10:01, 2024-05-01T10:06]', '+I[a, 3, 8, 2024-05-01T10:01, 2024-05-01T10:12:30]', '+I[b, 1, 7, 2024-05-01T10:07:30, 2024-05-01T10:12:30]'];
    const legacy = await both([EV, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), SESSION_START(pt, INTERVAL '5' MINUTE), SESSION_END(pt, INTERVAL '5' MINUTE) FROM ev GROUP BY k, SESSION(pt, INTERVAL '5' MINUTE)", input, T0);
    expect(legacy.operator).toBe('AggregateWindowOperator');
    expect(legacy.local).toEqual(legacy.flink);
    expect(legacy.flink).toEqual(expected);
    const whole = await both([EV, "CREATE TABLE snk (n BIGINT, s INT, ws TIMESTAMP(3), we TIMESTAMP(3)) WITH ('connector' = 'values')"], "INSERT INTO snk SELECT COUNT(*), SUM(v), window_start, window_end FROM TABLE(SESSION(TABLE ev, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY window_start, window_end", input, T0);
    expect(whole.local).toEqual(whole.flink);
    expect(whole.flink).toEqual(['+I[5, 17, 2024-05-01T10:01, 2024-05-01T10:12:30]']);
    // PARTITION BY k, grouped by k and the window: the per-key sessions of the legacy form
    const partitioned = await both([EV, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), window_start, window_end FROM TABLE(SESSION(TABLE ev PARTITION BY k, DESCRIPTOR(pt), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end", input, T0);
    expect(partitioned.local).toEqual(partitioned.flink);
    expect([...partitioned.flink].sort()).toEqual([...expected].sort());
  }, 600_000);

  test('legacy GROUP BY TUMBLE(pt, …): the same windows from the legacy WindowOperator', async () => {
    const input = [r('a', 1), r('b', 2), at('10:05:00'), r('a', 5), at('10:11:00')];
    const { local, flink, operator } = await both([EV, SNK], "INSERT INTO snk SELECT k, COUNT(*), SUM(v), TUMBLE_START(pt, INTERVAL '5' MINUTE), TUMBLE_END(pt, INTERVAL '5' MINUTE) FROM ev GROUP BY k, TUMBLE(pt, INTERVAL '5' MINUTE)", input, T0);
    expect(operator).toBe('AggregateWindowOperator');
    expect(local).toEqual(flink);
    expect(flink).toHaveLength(3);
  }, 600_000);
});

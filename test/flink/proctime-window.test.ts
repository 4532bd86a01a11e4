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
 * packages/core/test/runtime/proctime-window.test.ts), which the bridge's clock cannot follow.
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import type { JobRun } from '@flinkts/core/testing';

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

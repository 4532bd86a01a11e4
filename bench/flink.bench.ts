/**
 * Real Flink in the loop: the local runtime against real Flink 1.20.1 (the bridge) on the same unit test —
 * the wrongbook wide-table test and a realtime-dw DWS aggregation test, same job and fixtures — and the bridge's
 * start-up time. Target: the local runtime ≥ 100x faster per unit test. Needs Java 17 and Maven (the bridge is
 * built on first use); the bridge is stopped again when this benchmark started it.
 */
import { performance } from 'node:perf_hooks';
import { resolveCapabilities } from '@flinkts/connectors';
import { jobStatements } from '@flinkts/pipelines/internal';
import { ensureBridge, runningBridge, stopBridge } from '../packages/core/src/engine/flink/bridge-process.js';
import { rowsOf, runJob } from '../packages/core/src/testing/index.js';
import type { Engine, RunOptions, JobSource } from '../packages/core/src/testing/index.js';
import realtimeDw from '../examples/realtime-dw/flinkts.config.js';
import { statements } from '../examples/wrongbook/src/script.js';
import { wrongbookEvents } from '../examples/wrongbook/src/tables.js';

const ADD = { userId: 'u-1', questionId: 'q-9', subject: 'math', subjectName: '数学', patternId: 'p-3', chapterId: 'c-7', chapterName: 'Functions', wrongTime: 1_700_000_000_123 };
const wrongbook = (engine: Engine) => runJob(statements, {
  inputs: rowsOf(wrongbookEvents, [
    { eventId: 'e1', domain: 'wrongbook', type: 'wrongbook_add', timestamp: 1_700_000_000_000n, payload: JSON.stringify(ADD) },
    { eventId: 'e2', domain: 'homework', type: 'wrongbook_add', timestamp: 1_700_000_000_000n, payload: JSON.stringify(ADD) },
  ]),
  config: { 'table.local-time-zone': 'Asia/Shanghai' },
  now: () => Date.UTC(2024, 0, 1),
  engine,
}).rows('dwd_wrong_record_wide_delta');

const detail = (order_id: number, category: string, order_status: string, amount: string) => ({
  order_id: BigInt(order_id), order_date: '2024-05-01', user_id: 7n, city: 'Hangzhou', product_id: 3n, product_name: 'Pen',
  category, quantity: 1, amount, order_status, is_paid: order_status === 'PAID', created_at: '2024-05-01 10:00:00.000',
});
const dwsJob: JobSource = jobStatements(realtimeDw, 'dev', 'rt-dw-dws-aggregate');
const dwsOptions = (engine: Engine): RunOptions => ({
  inputs: {
    dwd_order_detail: [
      detail(1, 'office', 'CREATED', '10.00'),
      detail(2, 'office', 'PAID', '5.50'),
      { kind: '-U', row: detail(1, 'office', 'CREATED', '10.00') },
      { kind: '+U', row: detail(1, 'office', 'PAID', '10.00') },
    ],
  },
  config: { 'table.local-time-zone': 'Asia/Shanghai' },
  capabilities: resolveCapabilities,
  engine,
});
const dws = (engine: Engine) => runJob(dwsJob, dwsOptions(engine)).rows('dws_sales_daily');

const bigints = (_k: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);

function median(f: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function run(): Promise<void> {
  const wasRunning = runningBridge() !== undefined;
  if (wasRunning) stopBridge();
  const t0 = performance.now();
  const b = ensureBridge();
  const startup = performance.now() - t0;
  console.log(`bridge start-up: ${(startup / 1000).toFixed(2)} s wall (JVM + MiniCluster + SQL Gateway; the JVM reports ${(b.startupMillis / 1000).toFixed(2)} s after its main)`);
  try {
    for (const [name, f] of [['wrongbook wide table', wrongbook], ['realtime-dw DWS daily sales', dws]] as const) {
      const flink = median(() => f('flink'), 5);
      const local = median(() => f('local'), 50);
      // the same answer first: a ratio between engines that disagree would compare different work
      const [l, r] = [JSON.stringify(f('local'), bigints), JSON.stringify(f('flink'), bigints)];
      if (l !== r) {
        console.log(`(a) ${name}: RESULTS DIFFER, no ratio\n    local: ${l}\n    flink: ${r}`);
        continue;
      }
      console.log(`(a) ${name}: local ${local.toFixed(2)} ms, real Flink ${flink.toFixed(0)} ms per unit test (same rows) — local is ${(flink / local).toFixed(0)}x faster (target ≥ 100x: ${flink / local >= 100 ? 'met' : 'NOT met'})`);
    }
  } finally {
    if (!wasRunning) stopBridge();
  }
}

/**
 * Lineage of both examples end to end: the producer (pipelineLineage over the bound plans) read by the queries and
 * formats, OpenLineage events validated against the official schemas, and `flinkts build` writing <env>/lineage/
 * and POSTing the events to a local endpoint that fails the first attempt.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { OpenLineageEvent } from '@flinkts/pipelines';
import { pipelineLineage } from '@flinkts/pipelines';
import { findLineageColumn, impactOf, jobGraph, lineageText, openLineageEvents, readLineageJson, upstreamOf } from '@flinkts/pipelines/internal';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import wrongbook from '../../examples/wrongbook/flinkts.config.js';
import { openLineageProblems } from '../../packages/pipelines/test/lineage-formats/openlineage-schemas.js';
import { runCliAsync as cli } from '../cli/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'flinkts-lineage-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OPTIONS = { eventTime: '2026-12-06T12:00:00.000Z', producer: 'urn:flinkts:0.1.0' };
const short = (t: string) => t.split('.').slice(-2).join('.');

/** Runs the bin asynchronously (a server in this process must keep answering). */

describe('lineage of the examples', () => {
  test('realtime-dw: the impact of ods_orders.amount reaches DWD, DWS and StarRocks through two jobs', () => {
    for (const env of realtimeDw.environmentNames) {
      const lineage = pipelineLineage(realtimeDw, env);
      const amount = findLineageColumn(lineage, 'ods.ods_orders.amount', '--impact');
      if (!amount.ok) throw new Error(amount.diagnostic.message);
      const impact = impactOf(lineage, amount.value);
      expect(impact.jobs).toEqual(['rt-dw-dwd-transform', 'rt-dw-dws-aggregate']);
      expect(impact.columns.map((c) => `${short(c.table)}.${c.column}`)).toEqual(['default_database.ads_sales_daily.paid_amount', 'dwd.dwd_order_detail.amount', 'dws.dws_sales_daily.paid_amount']);
    }
    const prod = pipelineLineage(realtimeDw, 'prod');
    expect(jobGraph(prod).map((l) => `${l.from} → ${l.to}`)).toEqual([
      'rt-dw-cdc-ingestion → rt-dw-ods-processing',
      'rt-dw-cdc-ingestion → rt-dw-dwd-transform',
      'rt-dw-ods-processing → rt-dw-dwd-transform',
      'rt-dw-dwd-transform → rt-dw-dws-aggregate',
    ]);
  });

  test('seed 001: collect_time from payload through JSON_VALUE and TO_TIMESTAMP_LTZ, rows filtered by domain and type', () => {
    const lineage = pipelineLineage(wrongbook, 'prod');
    expect(lineageText(upstreamOf(lineage, { table: 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta', column: 'collect_time' })).split('\n').slice(2)).toEqual([
      'aliyun_catalog.dwd.dwd_wrong_record_wide_delta.collect_time',
      "├─ aliyun_catalog.dwd.wrongbook_events.payload  ← TRANSFORMATION TO_TIMESTAMP_LTZ(CAST(JSON_VALUE(`payload`, '$.wrongTime') AS BIGINT), 3) · wrongbook-wide-table",
      '├─ aliyun_catalog.dwd.wrongbook_events.domain  ← FILTER · wrongbook-wide-table (whole table)',
      '└─ aliyun_catalog.dwd.wrongbook_events.type  ← FILTER · wrongbook-wide-table (whole table)',
      '',
    ]);
  });

  test('OpenLineage RunEvents and JobEvents of both examples in every environment validate against the official schemas', () => {
    for (const p of [realtimeDw, wrongbook]) {
      for (const env of p.environmentNames) {
        const lineage = pipelineLineage(p, env);
        for (const eventKind of ['run', 'job'] as const) {
          const events = openLineageEvents(lineage, { ...OPTIONS, eventKind });
          expect(events).toHaveLength(lineage.jobs.length);
          expect(openLineageProblems(events)).toEqual([]);
        }
      }
    }
    const [wide] = openLineageEvents(pipelineLineage(wrongbook, 'prod'), OPTIONS);
    expect(wide!.inputs.map((d) => `${d.namespace}/${d.name}`)).toEqual(['kafka://kafka.aliyun.com:9092/wrongbook-events']);
    expect(wide!.outputs.map((d) => `${d.namespace}/${d.name}`)).toEqual(['mysql://rds.aliyun.com:3306/dwd.dwd_wrong_record_wide_delta']);
  });
});

describe('flinkts build with the lineage target', () => {
  test('writes <env>/lineage/ beside the other artifacts, byte-identical twice with SOURCE_DATE_EPOCH', async () => {
    const out = join(tmp, 'build');
    const epoch = { SOURCE_DATE_EPOCH: '1765000000' };
    const r = await cli(['build', 'examples/realtime-dw', '--env', 'prod', '--out', out], epoch);
    expect(r.code, r.stderr).toBe(0);
    const dir = join(out, 'prod', 'lineage');
    expect(readdirSync(dir).sort()).toEqual(['jobs.mmd', 'lineage.html', 'lineage.json', 'lineage.mmd', 'lineage.txt', 'openlineage.jsonl']);
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const back = readLineageJson(files['lineage.json']!, 'lineage.json');
    expect(back.lineage).toEqual(pipelineLineage(realtimeDw, 'prod'));
    const events = files['openlineage.jsonl']!.trimEnd().split('\n').map((l) => JSON.parse(l) as OpenLineageEvent);
    expect(events.map((e) => e.job.name)).toEqual(['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate', 'rt-dw-monitor']);
    expect(events[0]!.eventTime).toBe('2025-12-06T05:46:40.000Z');
    expect(openLineageProblems(events)).toEqual([]);
    expect(Object.values(files).join('')).not.toMatch(/password|\$\{MYSQL_PASSWORD\}|\$\{STARROCKS_PASSWORD\}/i);
    const again = await cli(['build', 'examples/realtime-dw', '--env', 'prod', '--out', join(tmp, 'build2'), '--target', 'lineage'], epoch);
    expect(again.code, again.stderr).toBe(0);
    for (const f of Object.keys(files)) expect({ f, content: readFileSync(join(tmp, 'build2', 'prod', 'lineage', f), 'utf8') }).toEqual({ f, content: files[f] });
  }, 120_000); // two CLI builds of the whole pipeline: ~30 s on a loaded machine

  test('--openlineage-url POSTs every event once accepted, after a failed first attempt', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.statusCode = bodies.length === 1 ? 502 : 201;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/lineage`;
    const r = await cli(['build', 'examples/wrongbook', '--out', join(tmp, 'post'), '--target', 'lineage', '--openlineage-url', url]);
    server.close();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`posted 4 OpenLineage events to ${url}`);
    expect(bodies).toHaveLength(5);
    const events = bodies.slice(1).map((b) => JSON.parse(b) as OpenLineageEvent);
    expect(events.map((e) => `${e.job.namespace}/${e.job.name}`)).toEqual(['wrongbook.dev/wrongbook-wide-table', 'wrongbook.dev/wrongbook-monitor', 'wrongbook.prod/wrongbook-wide-table', 'wrongbook.prod/wrongbook-monitor']);
    expect(openLineageProblems(events)).toEqual([]);
    expect(bodies.join('')).not.toMatch(/\$\{(KAFKA|MYSQL)_(USERNAME|PASSWORD)\}|password=/i);
  });
});

/**
 * `quality()` declarations, the monitor jobs they compile into, and the monitoring target's refusals: every
 * mistake a user can make is a diagnostic with a code and a path, nothing is guessed.
 */
import { describe, expect, test } from 'vitest';
import { FlinktsError, fn, interval, printStatement, t, table } from '@flinkts/core';
import type { Diagnostic } from '@flinkts/core';
import { blackhole, datagen, json, paimon, upsertKafka } from '@flinkts/connectors';
import { buildPipeline, monitorJobs, pipeline, quality, QUALITY_RESULT_COLUMNS } from '../src/index.js';
import { monitorSql } from '../src/internal.js';
import type { MonitoringTarget } from '../src/index.js';

const orders = table('orders', {
  columns: { id: t.bigint(), status: t.string(), amount: t.decimal(10, 2), at: t.timestamp(3) },
  computed: () => ({ pt: fn.proctime() }),
  watermark: { column: 'at', delay: interval('5', 'SECOND') },
  temporary: true,
  layer: 'ods',
  connector: datagen(),
});
const results = table('results', { columns: QUALITY_RESULT_COLUMNS, temporary: true, connector: blackhole() });

function diagnostics(f: () => unknown): Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return [...e.diagnostics];
    throw e;
  }
  return [];
}

const good = quality(orders, {
  window: { time: 'at', size: '5 min' },
  checks: (q) => ({
    completeness: [q.notNull('status')],
    accuracy: [q.rule('positive', (c) => c.amount.gt(0))],
    consistency: [q.unique('id'), q.unique('id', 'status')],
    timeliness: [q.freshness('at', '10 min')],
    conformity: [q.inSet('status', ['NEW', "it's"]), q.matches('status', '^[A-Z]+$'), q.length('status', { max: 8 })],
  }),
  weights: { completeness: 4, accuracy: 3, consistency: 1, timeliness: 1, conformity: 1 },
  alerts: [{ level: 'critical', when: { scoreBelow: 70 } }],
});

describe('quality()', () => {
  test('compiles into one window TVF aggregation with a row per dimension and the weighted overall score', () => {
    const sql = monitorSql('p', good, results.path);
    expect(sql).toContain("FROM TABLE(TUMBLE(TABLE `orders`, DESCRIPTOR(`at`), INTERVAL '5' MINUTE))");
    expect(sql).toContain('GREATEST(COUNT(*) - (COUNT(*) - COUNT(DISTINCT `id`)) - (COUNT(*) - COUNT(DISTINCT JSON_ARRAY(`id`, `status` NULL ON NULL))), 0)');
    expect(sql).toContain("`status` IN ('NEW', 'it''s')");
    expect(sql).toContain("REGEXP(`status`, '^[\\s\\S]{0,8}$')");
    expect(sql).toContain('TIMESTAMPDIFF(SECOND, `at`, LOCALTIMESTAMP) <= 600');
    expect(sql).toContain(') / 10, 2)');
    expect(sql.split('UNION ALL').length).toBe(6);
  });

  test('a processing-time window on a PROCTIME() column', () => {
    const q = quality(orders, { window: { time: 'pt', size: '1 min' }, checks: (c) => ({ completeness: [c.notNull('id')] }) });
    expect(q.window.processingTime).toBe(true);
    expect(monitorSql('p', q, results.path)).toContain("DESCRIPTOR(`pt`), INTERVAL '1' MINUTE");
  });

  test('a processing-time window over a table read as a changelog is refused (FTS8052): its score could leave 0–100', () => {
    const columns = { id: t.bigint(), amount: t.decimal(10, 2), at: t.timestamp(3) };
    const lake = table('lake', { columns, computed: () => ({ pt: fn.proctime() }), primaryKey: ['id'], watermark: { column: 'at' }, temporary: true, layer: 'dws', connector: paimon({ path: '/tmp/lake', 'changelog-producer': 'input' }) });
    const upserts = table('upserts', { columns, computed: () => ({ pt: fn.proctime() }), primaryKey: ['id'], temporary: true, layer: 'dws', connector: upsertKafka({ topic: 't', 'properties.bootstrap.servers': 'k:9092', 'key.format': json(), 'value.format': json() }) });
    const refused = diagnostics(() => quality(lake, { window: { time: 'pt', size: '5 min' }, checks: (q) => ({ completeness: [q.notNull('id')] }) }));
    expect(refused.map((d) => [d.code, d.path])).toEqual([['FTS8052', 'quality.lake.window.time']]);
    expect(refused[0]!.message).toMatch(/read as a changelog .* a processing-time window counts a correction's -U in the window it arrives in/);
    expect(refused[0]!.hint).toContain("window: { time: 'at'");
    expect(diagnostics(() => quality(upserts, { window: { time: 'pt', size: '5 min' }, checks: (q) => ({ completeness: [q.notNull('id')] }) })).map((d) => d.code)).toEqual(['FTS8052']);
    // on event time the same table is accepted, and its freshness count is capped at the window's rows
    const onEventTime = quality(lake, { window: { time: 'at', size: '5 min' }, checks: (q) => ({ completeness: [q.notNull('id')], timeliness: [q.freshness('at', '15 min')] }) });
    expect(onEventTime.changelog).toBe(true);
    expect(monitorSql('p', onEventTime, results.path)).toContain('CAST(LEAST(SUM(CASE WHEN `at` IS NOT NULL AND TIMESTAMPDIFF(SECOND, `at`, LOCALTIMESTAMP) <= 900 THEN 1 ELSE 0 END), COUNT(*)) AS BIGINT) AS `timeliness_passed`');
    // an insert-only table keeps processing time and needs no cap
    expect(good.changelog).toBe(false);
    expect(monitorSql('p', good, results.path)).not.toContain('LEAST(');
  });

  test('mistakes are diagnostics FTS8050 with a path', () => {
    const plain = table('plain', { columns: { id: t.bigint(), at: t.timestamp(3), n: t.int() }, temporary: true, connector: blackhole() });
    expect(diagnostics(() => quality(plain, { window: { time: 'at', size: '5 min' }, checks: (q) => ({ completeness: [q.notNull('id')] }) })).map((d) => [d.code, d.path, d.message])).toEqual([
      ['FTS8050', 'quality.plain.window.time', "'at' is not a time attribute of table 'plain'"],
      ['FTS8050', 'quality.plain.table', "table 'plain' has no layer"],
    ]);
    const bad = diagnostics(() => quality(orders, {
      window: { time: 'at', size: '5 min' },
      checks: (q) => ({ completeness: [q.notNull('id')], conformity: [q.inSet('status', []), q.length('status', { min: 5, max: 2 })] }),
      weights: { completeness: 0, accuracy: 2 },
      alerts: [{ level: 'high', when: { delayAbove: '15 min' } }, { level: 'Bad Level', when: { failedRatioAbove: 2 } }],
    }));
    expect(bad.map((d) => d.path)).toEqual([
      'quality.orders.weights.completeness',
      'quality.orders.weights.accuracy',
      'quality.orders.checks.conformity[0]',
      'quality.orders.checks.conformity[1]',
      'quality.orders.alerts[0]',
      'quality.orders.alerts[1].level',
      'quality.orders.alerts[1].when.failedRatioAbove',
    ]);
    expect(diagnostics(() => quality(orders, { window: { time: 'at', size: '5 minutes' as '5 min' }, checks: (q) => ({ completeness: [q.notNull('id')] }) }))[0]!.message).toBe("'5 minutes' is not a duration");
  });

  test('monitor jobs: one per pipeline or one per layer; a result table without the result columns is refused', () => {
    const dwd = table('dwd_orders', { columns: { id: t.bigint(), at: t.timestamp(3) }, watermark: { column: 'at' }, temporary: true, layer: 'dwd', connector: blackhole() });
    const second = quality(dwd, { window: { time: 'at', size: '5 min' }, checks: (q) => ({ completeness: [q.notNull('id')] }) });
    expect(monitorJobs({ pipeline: 'p', name: 'm', qualities: [good, second], sink: results, per: 'pipeline' }).map((j) => [j.name, j.inserts.length])).toEqual([['m', 2]]);
    const perLayer = monitorJobs({ pipeline: 'p', name: 'm', qualities: [good, second], sink: results, per: 'layer' });
    expect(perLayer.map((j) => [j.name, j.inserts.length, j.spec.settings])).toEqual([['m-ods', 1, { 'table.exec.state.ttl': '3600s' }], ['m-dwd', 1, { 'table.exec.state.ttl': '3600s' }]]);
    expect(printStatement(perLayer[1]!.inserts[0]!)).toContain("'dwd_orders'");
    const wrong = table('wrong', { columns: { x: t.int() }, temporary: true, connector: blackhole() });
    expect(diagnostics(() => monitorJobs({ pipeline: 'p', name: 'm', qualities: [good, good], sink: wrong, per: 'pipeline' })).map((d) => d.code)).toEqual(['FTS8051', 'FTS8050']);
  });
});

describe('monitoring target', () => {
  const [monitor] = monitorJobs({ pipeline: 'p', name: 'p-monitor', qualities: [good], sink: results, per: 'pipeline' });
  const target = (patch: Partial<MonitoringTarget>): MonitoringTarget => ({
    qualities: [good],
    channels: { webhook: { url: 'http://gateway.internal/alert' } },
    levels: { critical: { notify: ['webhook'], groupWait: '10 s', groupInterval: '1 min', repeatInterval: '15 min' } },
    results: { table: 'db.results' },
    ...patch,
  });
  const build = (monitoring: MonitoringTarget) =>
    buildPipeline(pipeline({ name: 'p', jobs: [monitor!], tables: [orders, results], targets: { monitoring }, environments: { dev: {} } }), { env: 'dev' });

  test('writes rules, Alertmanager configuration, dashboard, reporter settings and exporter collector', () => {
    const r = build(target({}));
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual([
      'dev/monitoring/prometheus/p.rules.yml',
      'dev/monitoring/alertmanager/alertmanager.yml',
      'dev/monitoring/grafana/p.json',
      'dev/monitoring/flink/metrics-reporter.yml',
      'dev/monitoring/sql-exporter/p.collector.yml',
    ]);
    expect(r.files[3]!.content).toContain('metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory');
  });

  test('a token in a channel URL, a robot API address, an unknown level or channel, no results table: refused, nothing written', () => {
    const codes = (m: MonitoringTarget) => { const r = build(m); return [r.ok, r.files.length, r.diagnostics.map((d) => `${d.code} ${d.path}`)]; };
    expect(codes(target({ channels: { webhook: { url: 'http://gateway.internal/alert?access_token=abc123' } } }))).toEqual([false, 0, ['FTS8051 targets.monitoring.channels.webhook.url']]);
    expect(codes(target({ channels: { dingtalk: { url: 'https://oapi.dingtalk.com/robot/send' } }, levels: { critical: { notify: ['dingtalk'], groupWait: '10 s', groupInterval: '1 min', repeatInterval: '15 min' } } }))).toEqual([false, 0, ['FTS8051 targets.monitoring.channels.dingtalk.url']]);
    expect(codes(target({ channels: { webhook: { url: 'http://user:pw@gateway.internal/alert' } } }))).toEqual([false, 0, ['FTS8051 targets.monitoring.channels.webhook.url']]);
    expect(codes(target({ levels: { warning: { notify: ['email'], groupWait: '10 s', groupInterval: '1 min', repeatInterval: '15 min' } } }))).toEqual([false, 0, [
      'FTS8051 targets.monitoring.levels.warning.notify[0]',
      'FTS8051 targets.monitoring.qualities[0].alerts[0].level',
    ]]);
    expect(codes(target({ results: undefined }))).toEqual([false, 0, ['FTS8051 targets.monitoring.results']]);
  });
});

/**
 * Seed 000's alerting, proven by the systems that consume it: `promtool check rules` and `promtool test rules`
 * on the generated rules (CRITICAL for a score of 65 and not for 75, HIGH for a 16-minute delay, escalation of
 * an unresolved HIGH), `amtool check-config` and `amtool config routes test` on the generated Alertmanager
 * configuration (a route per level, the 15-minute repeat), and no receiver secret in any generated file.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { buildPipeline } from '@flinkts/pipelines';
import { decodeForm, secretsInText } from '@flinkts/pipelines/internal';
import { ensurePrometheusTools, runTool, writeTemp } from '../../../test/support/prometheus-tools.js';
import realtimeDw from '../flinkts.config.js';

const build = buildPipeline(realtimeDw, { env: 'prod', targets: ['monitoring'] });
const files = new Map(build.files.map((f) => [f.path.replace(/^prod\/monitoring\//, ''), f.content]));
const RULES = 'prometheus/realtime-dw.rules.yml';
const AM = 'alertmanager/alertmanager.yml';

const ods = { pipeline: 'realtime-dw', table_name: 'ods_orders', layer: 'ods' };
const series = (metric: string, labels: Record<string, string>, values: string) =>
  ({ series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`, values });

const ruleTests = {
  rule_files: [RULES.split('/')[1]],
  evaluation_interval: '1m',
  tests: [
    {
      name: 'CRITICAL for a quality score of 65',
      interval: '1m',
      input_series: [series('flinkts_quality_score', { ...ods, dimension: 'overall' }, '65x10')],
      alert_rule_test: [{
        eval_time: '2m',
        alertname: 'DataQualityScoreLow',
        exp_alerts: [{
          exp_labels: { ...ods, dimension: 'overall', severity: 'critical' },
          exp_annotations: { summary: 'Data quality of ods_orders (ods) is 65, below 70', description: 'Weighted quality score of the latest monitor window of ods_orders in pipeline realtime-dw.' },
        }],
      }],
    },
    {
      // Alertmanager sends an alert again only after repeat_interval (15m, the convergence test below) as long as it
      // is the same alert: its labels must not change while the condition holds (no value in a label), or every
      // new score would be a new alert notified at once
      name: 'a score that stays low is one alert for 20 minutes, whatever its value: Alertmanager repeats it every 15 minutes',
      interval: '1m',
      input_series: [series('flinkts_quality_score', { ...ods, dimension: 'overall' }, '65x8 62x12')],
      alert_rule_test: [1, 8, 16].map((m) => ({
        eval_time: `${m}m`,
        alertname: 'DataQualityScoreLow',
        exp_alerts: [{
          exp_labels: { ...ods, dimension: 'overall', severity: 'critical' },
          exp_annotations: { summary: `Data quality of ods_orders (ods) is ${m < 9 ? 65 : 62}, below 70`, description: 'Weighted quality score of the latest monitor window of ods_orders in pipeline realtime-dw.' },
        }],
      })),
    },
    {
      name: 'no CRITICAL for a quality score of 75',
      interval: '1m',
      input_series: [series('flinkts_quality_score', { ...ods, dimension: 'overall' }, '75x10')],
      alert_rule_test: [{ eval_time: '2m', alertname: 'DataQualityScoreLow', exp_alerts: [] }],
    },
    {
      name: 'HIGH for a 16-minute delay, escalated to CRITICAL after 30 minutes unresolved; nothing for 14 minutes',
      interval: '1m',
      input_series: [
        series('flinkts_quality_max_delay_seconds', ods, '960x40'),
        series('flinkts_quality_max_delay_seconds', { ...ods, table_name: 'dwd_order_detail', layer: 'dwd' }, '840x40'),
      ],
      alert_rule_test: [
        { eval_time: '1m', alertname: 'DataDelayed', exp_alerts: [{ exp_labels: { ...ods, severity: 'high' }, exp_annotations: { summary: 'Data of ods_orders (ods) arrives 960 s late (more than 15 min)', description: 'Largest arrival delay in the latest monitor window of ods_orders in pipeline realtime-dw.' } }] },
        { eval_time: '29m', alertname: 'DataDelayedUnresolved', exp_alerts: [] },
        { eval_time: '31m', alertname: 'DataDelayedUnresolved', exp_alerts: [{ exp_labels: { ...ods, severity: 'critical', escalated_from: 'high' }, exp_annotations: { summary: 'Data of ods_orders (ods) arrives 960 s late (more than 15 min)', description: 'Largest arrival delay in the latest monitor window of ods_orders in pipeline realtime-dw.' } }] },
      ],
    },
    {
      name: 'MEDIUM when more than 2 % of a dimension fails',
      interval: '1m',
      input_series: [series('flinkts_quality_failed_ratio', { ...ods, dimension: 'completeness' }, '0.03x5'), series('flinkts_quality_failed_ratio', { ...ods, dimension: 'accuracy' }, '0.01x5')],
      alert_rule_test: [{ eval_time: '1m', alertname: 'DataAbnormal', exp_alerts: [{ exp_labels: { ...ods, dimension: 'completeness', severity: 'medium' }, exp_annotations: { summary: "3% of ods_orders's rows fail completeness (more than 2 %)", description: 'Share of failing rows per dimension in the latest monitor window of ods_orders in pipeline realtime-dw.' } }] }],
    },
    {
      name: 'Flink: a restart of a pipeline job is HIGH',
      interval: '1m',
      input_series: [{ series: 'flink_jobmanager_job_numRestarts{job_name="rt-dw-dwd-transform",job_id="a1"}', values: '0 0 0 1 1 1 1 1' }, { series: 'flink_jobmanager_job_numRestarts{job_name="other-job",job_id="b2"}', values: '0 0 0 5 5 5 5 5' }],
      alert_rule_test: [{ eval_time: '5m', alertname: 'FlinkJobRestarted', exp_alerts: [{ exp_labels: { job_name: 'rt-dw-dwd-transform', job_id: 'a1', severity: 'high', pipeline: 'realtime-dw' }, exp_annotations: { summary: 'Job rt-dw-dwd-transform restarted within 15 min', description: 'numRestarts of the job increased.' } }] }],
    },
  ],
};

let dir = '';
beforeAll(() => {
  ensurePrometheusTools();
  dir = writeTemp({ [RULES]: files.get(RULES)!, [AM]: files.get(AM)!, 'prometheus/rules.test.yml': stringify(ruleTests) });
}, 600_000);
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('realtime-dw alerting (seed 000)', () => {
  test('builds the monitoring files', () => {
    expect(build.diagnostics).toEqual([]);
    expect([...files.keys()].sort()).toEqual(['alertmanager/alertmanager.yml', 'flink/metrics-reporter.yml', 'grafana/realtime-dw.json', 'prometheus/realtime-dw.rules.yml', 'sql-exporter/realtime-dw.collector.yml']);
  });

  test('the Prometheus reporter starts with each job\'s cluster: StreamPark dynamic properties, never a SET in the script', () => {
    const forms = buildPipeline(realtimeDw, { env: 'prod', targets: ['streampark'] }).files.filter((f) => f.path.endsWith('.form'));
    expect(forms).toHaveLength(5);
    for (const f of forms) {
      const fields = new Map(decodeForm(f.content.trimEnd()));
      expect(fields.get('dynamicProperties')!.split('\n')).toEqual(expect.arrayContaining([
        '-Dmetrics.reporter.prom.factory.class=org.apache.flink.metrics.prometheus.PrometheusReporterFactory',
        '-Dmetrics.reporter.prom.port=9249-9260',
      ]));
      expect(fields.get('flinkSql')).not.toContain('metrics.reporter');
    }
    expect(files.get('flink/metrics-reporter.yml')).toContain('metrics.reporter.prom.port: 9249-9260');
  });

  test('promtool check rules accepts the rules', () => {
    const r = runTool('promtool', ['check', 'rules', RULES], dir);
    expect(r.output).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  test('promtool test rules: CRITICAL at 65 not 75, one alert while it stays low, HIGH at 16 minutes, escalation, MEDIUM, Flink restarts', () => {
    const r = runTool('promtool', ['test', 'rules', 'rules.test.yml'], `${dir}/prometheus`);
    expect(r.output).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  test('promtool test rules fails when an expectation is wrong (the tests can fail)', () => {
    const wrong = structuredClone(ruleTests);
    wrong.tests[2]!.input_series = [series('flinkts_quality_score', { ...ods, dimension: 'overall' }, '69x10')];
    const d = writeTemp({ [RULES]: files.get(RULES)!, 'prometheus/rules.test.yml': stringify(wrong) });
    const r = runTool('promtool', ['test', 'rules', 'rules.test.yml'], `${d}/prometheus`);
    rmSync(d, { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('DataQualityScoreLow');
  });

  test('amtool check-config accepts the Alertmanager configuration', () => {
    const r = runTool('amtool', ['check-config', AM], dir);
    expect(r.output).toContain('SUCCESS');
    expect(r.output).toContain('4 receivers');
    expect(r.output).toContain('2 inhibit rules');
    expect(r.status).toBe(0);
  });

  test('amtool config routes test: each level reaches its receivers; the digest goes to the daily route', () => {
    const route = (labels: readonly string[], receiver: string) => runTool('amtool', ['config', 'routes', 'test', `--config.file=${AM}`, `--verify.receivers=${receiver}`, ...labels], dir);
    const base = ['pipeline=realtime-dw', 'table_name=ods_orders'];
    for (const [labels, receiver] of [
      [['alertname=DataQualityScoreLow', 'severity=critical'], 'level-critical'],
      [['alertname=DataDelayed', 'severity=high'], 'level-high'],
      [['alertname=DataAbnormal', 'severity=medium'], 'level-medium'],
      [['alertname=DataQualityDigest', 'severity=low'], 'level-low'],
    ] as const) {
      const r = route([...base, ...labels], receiver);
      expect({ labels, status: r.status, receivers: r.output.split('\n')[0] }).toEqual({ labels, status: 0, receivers: receiver });
    }
    expect(route([...base, 'severity=critical'], 'level-high').status).not.toBe(0);
  });

  test('convergence: CRITICAL and HIGH repeat at most every 15 minutes; DingTalk + SMS + phone for CRITICAL, WeCom + e-mail for HIGH', () => {
    const config = parseYaml(files.get(AM)!) as { route: { routes: { receiver: string; matchers: string[]; repeat_interval: string; group_wait: string }[] }; receivers: { name: string; webhook_configs?: { url: string }[]; email_configs?: unknown[] }[] };
    const level = (l: string) => config.route.routes.find((r) => r.matchers.includes(`severity="${l}"`))!;
    expect([level('critical').repeat_interval, level('high').repeat_interval]).toEqual(['15m', '15m']);
    expect([level('critical').group_wait, level('high').group_wait]).toEqual(['10s', '1m']);
    const receiver = (name: string) => config.receivers.find((r) => r.name === name)!;
    expect(receiver('level-critical').webhook_configs!.map((w) => w.url)).toEqual(['http://dingtalk-bridge.monitoring.svc:8060/dingtalk/rt-dw/send', 'http://alert-gateway.monitoring.svc/api/v1/sms', 'http://alert-gateway.monitoring.svc/api/v1/voice']);
    expect([receiver('level-high').webhook_configs!.length, receiver('level-high').email_configs!.length]).toEqual([1, 1]);
  });

  test('the Grafana dashboard: events/s, latency, error rate, memory, quality per layer; every query is PromQL promtool accepts', () => {
    const dashboard = JSON.parse(files.get('grafana/realtime-dw.json')!) as { uid: string; panels: { title: string; targets: { expr: string }[] }[] };
    expect(dashboard.uid).toBe('flinkts-realtime-dw');
    const titles = dashboard.panels.map((p) => p.title);
    for (const wanted of ['Events per second', 'latency', 'Error rate', 'Memory', 'Quality score per layer']) expect(titles.some((t) => t.includes(wanted))).toBe(true);
    // Each panel query as a recording rule: promtool parses and checks it.
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    const d = writeTemp({ 'dashboard.rules.yml': stringify({ groups: [{ name: 'dashboard', rules: exprs.map((expr, i) => ({ record: `dashboard:panel_${i}`, expr })) }] }) });
    const r = runTool('promtool', ['check', 'rules', 'dashboard.rules.yml'], d);
    rmSync(d, { recursive: true, force: true });
    expect(r.output).toContain(`SUCCESS: ${exprs.length} rules found`);
  });

  test('no receiver secret in any generated file of any environment and target', () => {
    const all = ['dev', 'test', 'prod'].flatMap((env) => buildPipeline(realtimeDw, { env }).files);
    for (const f of all) expect({ path: f.path, secrets: secretsInText(f.content) }).toEqual({ path: f.path, secrets: [] });
  });
});

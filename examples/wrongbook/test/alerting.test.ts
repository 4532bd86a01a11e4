/**
 * Seed 001's two alerts, checked with Prometheus's own tools: processing latency above 30 s is CRITICAL (to the
 * webhook), an error rate above 1 % is a WARNING (by e-mail); the monitor job that measures the error rate
 * checks clean; no receiver secret in any generated file.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { buildPipeline, checkPipeline } from '@flinkts/pipelines';
import { secretsInText } from '@flinkts/pipelines/internal';
import { ensurePrometheusTools, runTool, writeTemp } from '../../../test/support/prometheus-tools.js';
import wrongbook from '../flinkts.config.js';

const build = buildPipeline(wrongbook, { env: 'prod', targets: ['monitoring'] });
const files = new Map(build.files.map((f) => [f.path.replace(/^prod\/monitoring\//, ''), f.content]));
const RULES = 'prometheus/wrongbook.rules.yml';
const AM = 'alertmanager/alertmanager.yml';
const events = { pipeline: 'wrongbook', table_name: 'wrongbook_events', layer: 'ods' };
const latencyAnnotations = (ms: number) => ({ summary: `Job wrongbook-wide-table emits records ${ms} ms after their event time`, description: 'Source event-time lag (currentEmitEventTimeLag) above 30 s.' });

const ruleTests = {
  rule_files: ['wrongbook.rules.yml'],
  evaluation_interval: '1m',
  tests: [
    {
      name: 'latency above 30 s is critical, 30 s is not',
      interval: '1m',
      input_series: [
        { series: 'flink_taskmanager_job_task_operator_currentEmitEventTimeLag{job_name="wrongbook-wide-table",operator_name="Source: wrongbook_events",subtask_index="0"}', values: '31000x5' },
        { series: 'flink_taskmanager_job_task_operator_currentEmitEventTimeLag{job_name="wrongbook-wide-table",operator_name="Source: wrongbook_events",subtask_index="1"}', values: '2000x5' },
        { series: 'flink_taskmanager_job_task_operator_currentEmitEventTimeLag{job_name="wrongbook-monitor",operator_name="Source: wrongbook_events",subtask_index="0"}', values: '30000x5' },
      ],
      alert_rule_test: [{ eval_time: '1m', alertname: 'FlinkProcessingLatencyHigh', exp_alerts: [{ exp_labels: { job_name: 'wrongbook-wide-table', severity: 'critical', pipeline: 'wrongbook' }, exp_annotations: latencyAnnotations(31000) }] }],
    },
    {
      name: 'error rate above 1 % is a warning, 1 % is not',
      interval: '1m',
      input_series: [
        { series: `flinkts_quality_failed_ratio{pipeline="wrongbook",table_name="wrongbook_events",layer="ods",dimension="completeness"}`, values: '0.012x5' },
        { series: `flinkts_quality_failed_ratio{pipeline="wrongbook",table_name="wrongbook_events",layer="ods",dimension="accuracy"}`, values: '0.01x5' },
      ],
      alert_rule_test: [{ eval_time: '1m', alertname: 'DataAbnormal', exp_alerts: [{ exp_labels: { ...events, dimension: 'completeness', severity: 'warning' }, exp_annotations: { summary: "1.2% of wrongbook_events's rows fail completeness (more than 1 %)", description: 'Share of failing rows per dimension in the latest monitor window of wrongbook_events in pipeline wrongbook.' } }] }],
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

describe('wrongbook alerting (seed 001)', () => {
  test('the monitor job checks clean; the only warning is the wide table\'s, as before', () => {
    expect(build.ok).toBe(true);
    const where = (ds: readonly { code: string; path?: string }[]) => ds.map((d) => `${d.code} ${d.path?.split('.statements')[0]}`);
    expect(where(build.diagnostics)).toEqual(['FTS4104 jobs.wrongbook-wide-table']);
    expect(where(checkPipeline(wrongbook, 'prod'))).toEqual(['FTS4104 jobs.wrongbook-wide-table']);
  });

  test('promtool check rules and test rules pass', () => {
    expect(runTool('promtool', ['check', 'rules', RULES], dir)).toMatchObject({ status: 0 });
    const r = runTool('promtool', ['test', 'rules', 'rules.test.yml'], `${dir}/prometheus`);
    expect(r.output).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  test('amtool: the configuration checks, critical goes to the webhook and warning to e-mail', () => {
    expect(runTool('amtool', ['check-config', AM], dir)).toMatchObject({ status: 0 });
    const route = (severity: string, receiver: string) => runTool('amtool', ['config', 'routes', 'test', `--config.file=${AM}`, `--verify.receivers=${receiver}`, 'pipeline=wrongbook', `severity=${severity}`], dir).status;
    expect([route('critical', 'level-critical'), route('warning', 'level-warning')]).toEqual([0, 0]);
    const config = parseYaml(files.get(AM)!) as { receivers: { name: string; webhook_configs?: { url: string }[]; email_configs?: { to: string }[] }[] };
    expect(config.receivers.map((r) => [r.name, r.webhook_configs?.map((w) => w.url), r.email_configs?.map((e) => e.to)])).toEqual([
      ['level-critical', ['https://webhook.aliyun.com/alert'], undefined],
      ['level-warning', undefined, ['admin@company.com']],
    ]);
  });

  test('no receiver secret in any generated file', () => {
    for (const env of ['dev', 'prod']) for (const f of buildPipeline(wrongbook, { env }).files) expect({ path: f.path, secrets: secretsInText(f.content) }).toEqual({ path: f.path, secrets: [] });
  });
});

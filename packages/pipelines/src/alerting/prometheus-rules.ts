/**
 * Prometheus alerting rules of a monitoring target: per quality declaration its thresholds over the quality
 * metrics, Flink's own metrics over the pipeline's jobs, the daily digest, and for each level that escalates a
 * second rule that fires when the first has been firing for the escalation delay, with the higher level's
 * severity. `promtool check rules` / `promtool test rules` accept the result (tested).
 */
import { parseDuration, promDuration } from '../quality/duration.js';
import type { QualityDeclaration } from '../quality/quality.js';
import type { FlinkAlert, MonitoringTarget } from './monitoring-target.js';
import { exactly, FLINK_METRICS, QUALITY_METRICS } from './metric-names.js';

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

const str = (v: string) => JSON.stringify(v);
const seconds = (d: string | undefined) => (d === undefined ? 0 : parseDuration(d, 'for').seconds);
const UNITS = [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']] as const;
/** `for:` of a rule that must hold `s` seconds (none for 0). */
const asFor = (s: number) => {
  if (s === 0) return {};
  const [size, unit] = UNITS.find(([size]) => s % size === 0)!;
  return { for: `${s / size}${unit}` };
};
const promSeconds = (d: string): number => {
  const m = /^(\d+)(s|m|h|d)$/.exec(d)!;
  return Number(m[1]) * UNITS.find(([, unit]) => unit === m[2])![0];
};

function qualityRules(pipeline: string, q: QualityDeclaration): AlertingRule[] {
  const where = `pipeline=${str(pipeline)},table_name=${str(q.label)}`;
  return q.alerts.map((a) => {
    const w = a.when;
    const base = { labels: { severity: a.level, table_name: q.label, layer: q.layer }, ...asFor(seconds(a.for)) };
    if ('scoreBelow' in w) {
      return { alert: 'DataQualityScoreLow', expr: `${QUALITY_METRICS.score}{${where},dimension="overall"} < ${w.scoreBelow}`, ...base,
        annotations: { summary: `Data quality of {{ $labels.table_name }} ({{ $labels.layer }}) is {{ $value }}, below ${w.scoreBelow}`, description: `Weighted quality score of the latest monitor window of ${q.label} in pipeline ${pipeline}.` } };
    }
    if ('delayAbove' in w) {
      const limit = parseDuration(w.delayAbove, 'delayAbove');
      return { alert: 'DataDelayed', expr: `${QUALITY_METRICS.maxDelaySeconds}{${where}} > ${limit.seconds}`, ...base,
        annotations: { summary: `Data of {{ $labels.table_name }} ({{ $labels.layer }}) arrives {{ $value }} s late (more than ${w.delayAbove})`, description: `Largest arrival delay in the latest monitor window of ${q.label} in pipeline ${pipeline}.` } };
    }
    return { alert: 'DataAbnormal', expr: `${QUALITY_METRICS.failedRatio}{${where},dimension!="overall"} > ${w.failedRatioAbove}`, ...base,
      annotations: { summary: `{{ $value | humanizePercentage }} of {{ $labels.table_name }}'s rows fail {{ $labels.dimension }} (more than ${w.failedRatioAbove * 100} %)`, description: `Share of failing rows per dimension in the latest monitor window of ${q.label} in pipeline ${pipeline}.` } };
  });
}

function flinkRule(pipeline: string, jobs: readonly string[], a: FlinkAlert): AlertingRule {
  const job = `job_name=~${str(exactly(jobs))}`;
  const labels = { severity: a.level, pipeline };
  switch (a.kind) {
    case 'latency': {
      const limit = parseDuration(a.above, 'above');
      return { alert: 'FlinkProcessingLatencyHigh', expr: `max by (job_name) (${FLINK_METRICS.emitEventTimeLag}{${job}}) > ${limit.seconds * 1000}`, ...asFor(seconds(a.for)), labels,
        annotations: { summary: 'Job {{ $labels.job_name }} emits records {{ $value }} ms after their event time', description: `Source event-time lag (currentEmitEventTimeLag) above ${a.above}.` } };
    }
    case 'noOutput':
      return { alert: 'FlinkJobNoOutput', expr: `sum by (job_name) (${FLINK_METRICS.recordsOutPerSecond}{${job}}) == 0`, ...asFor(seconds(a.for)), labels,
        annotations: { summary: 'Job {{ $labels.job_name }} has emitted no record for ' + a.for, description: 'Sum of numRecordsOutPerSecond over the job\'s tasks.' } };
    case 'restarts':
      return { alert: 'FlinkJobRestarted', expr: `increase(${FLINK_METRICS.restarts}{${job}}[${promDuration(parseDuration(a.within, 'within'))}]) > 0`, labels,
        annotations: { summary: `Job {{ $labels.job_name }} restarted within ${a.within}`, description: 'numRestarts of the job increased.' } };
    case 'checkpointFailures':
      return { alert: 'FlinkCheckpointFailed', expr: `increase(${FLINK_METRICS.failedCheckpoints}{${job}}[${promDuration(parseDuration(a.within, 'within'))}]) > 0`, labels,
        annotations: { summary: `A checkpoint of job {{ $labels.job_name }} failed within ${a.within}`, description: 'numberOfFailedCheckpoints of the job increased.' } };
    case 'heap':
      return { alert: 'FlinkTaskManagerHeapHigh', expr: `${FLINK_METRICS.heapUsed} / ${FLINK_METRICS.heapMax} > ${a.usedRatioAbove}`, ...asFor(seconds(a.for)), labels,
        annotations: { summary: 'TaskManager {{ $labels.tm_id }} uses {{ $value | humanizePercentage }} of its heap', description: `Heap used / max above ${a.usedRatioAbove}.` } };
  }
}

/** The rule again, firing once it has fired for `after`, with the level it escalates to. */
function escalated(rule: AlertingRule, after: string, to: string): AlertingRule {
  const total = (rule.for === undefined ? 0 : promSeconds(rule.for)) + parseDuration(after, 'after').seconds;
  return { ...rule, alert: `${rule.alert}Unresolved`, ...asFor(total), labels: { ...rule.labels, severity: to, escalated_from: rule.labels.severity! } };
}

export function prometheusRules(pipeline: string, jobs: readonly string[], target: MonitoringTarget): Record<string, unknown> {
  const withEscalation = (rules: readonly AlertingRule[]) =>
    rules.flatMap((r) => {
      const e = target.levels[r.labels.severity!]?.escalate;
      return e === undefined ? [r] : [r, escalated(r, e.after, e.to)];
    });
  const quality = withEscalation(target.qualities.flatMap((q) => qualityRules(pipeline, q)));
  if (target.digest !== undefined) {
    quality.push({ alert: 'DataQualityDigest', expr: `${QUALITY_METRICS.score}{pipeline=${str(pipeline)},dimension="overall"}`, labels: { severity: target.digest.level },
      annotations: { summary: '{{ $labels.table_name }} ({{ $labels.layer }}): quality score {{ $value }}', description: `Current quality scores of pipeline ${pipeline} (daily digest).` } });
  }
  const flink = withEscalation((target.flink ?? []).map((a) => flinkRule(pipeline, jobs, a)));
  const group = (name: string, rules: readonly AlertingRule[]) => ({ name, rules: rules.map((r) => ({ alert: r.alert, expr: r.expr, ...(r.for === undefined ? {} : { for: r.for }), labels: r.labels, annotations: r.annotations })) });
  return { groups: [...(quality.length === 0 ? [] : [group(`flinkts.${pipeline}.quality`, quality)]), ...(flink.length === 0 ? [] : [group(`flinkts.${pipeline}.flink`, flink)])] };
}

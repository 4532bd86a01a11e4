/**
 * Seed 001's monitoring: its two alerts — processing latency above 30 s (critical, to the webhook) and an error
 * rate above 1 % (warning, by e-mail) — and the dashboard of events/s, latency, error rate and memory.
 *
 * Latency is Flink's own metric: the Kafka source's event-time lag (`currentEmitEventTimeLag`, the record's Kafka
 * timestamp to its emission). The error rate is the share of `wrongbook-events` records that break the event
 * contract — missing id, type, domain, time or payload, a non-positive time, a repeated event id — measured by
 * the `wrongbook-monitor` job in 1-minute event-time windows and written to RDS, where the SQL exporter reads
 * it (the json format skips unparsable records silently, so no Flink metric counts them).
 */
import { coalesce, fn, interval, t, table } from '@flinkts/core';
import { jdbc, secret } from '@flinkts/connectors';
import type { MonitoringTarget } from '@flinkts/pipelines';
import { monitorJobs, quality, QUALITY_RESULT_COLUMNS, QUALITY_RESULT_KEY } from '@flinkts/pipelines';
import { wrongbookEvents } from './tables.js';

/**
 * The events as the monitor reads them: the same topic, columns and options under the monitor's own consumer
 * group, so the two jobs never commit offsets for each other (`properties.group.id` is where a job without a
 * checkpoint starts from).
 */
export const wrongbookEventsForMonitor = table('wrongbook_events_quality_source', {
  columns: { eventId: t.string(), domain: t.string(), type: t.string(), timestamp: t.bigint(), payload: t.string() },
  // Event time from the event's own epoch-millisecond time; an event without one lands in 1970 and is dropped as
  // late (so `timestamp` NULLs are not scored). Processing-time windows were the first choice, but Flink 1.20.1's
  // planner refuses one of their plans here ("Non-mergeable processing time window tvf aggregation is invalid").
  computed: (c) => ({ event_time: fn.toTimestampLtz(coalesce(c.timestamp, 0n), 3) }),
  watermark: { column: 'event_time', delay: interval('5', 'SECOND') },
  temporary: true,
  layer: 'ods',
  connector: {
    ...wrongbookEvents.connector!,
    options: wrongbookEvents.connector!.options.map((o) => (o.key === 'properties.group.id' ? { ...o, value: 'wrongbook-monitor-group' } : o)),
  },
});

export const wrongbookEventsQuality = quality(wrongbookEventsForMonitor, {
  label: 'wrongbook_events',
  window: { time: 'event_time', size: '1 min' },
  checks: (q) => ({
    completeness: [q.notNull('eventId'), q.notNull('domain'), q.notNull('type'), q.notNull('timestamp'), q.notNull('payload')],
    accuracy: [q.rule('event time after 2020', (c) => c.timestamp.gt(1577836800000n))],
    consistency: [q.unique('eventId')],
  }),
  alerts: [{ level: 'warning', when: { failedRatioAbove: 0.01 } }],
});

/** The monitor's results in RDS (MySQL), next to the wide table. */
export const dataQuality = table('dwd_data_quality', {
  columns: QUALITY_RESULT_COLUMNS,
  primaryKey: [...QUALITY_RESULT_KEY],
  temporary: true,
  connector: jdbc({
    url: 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
    'table-name': 'dwd_data_quality',
    username: secret('MYSQL_USERNAME'),
    password: secret('MYSQL_PASSWORD'),
  }),
});

export const monitors = monitorJobs({ pipeline: 'wrongbook', name: 'wrongbook-monitor', qualities: [wrongbookEventsQuality], sink: dataQuality, per: 'pipeline', parallelism: 2 });

export const monitoring: MonitoringTarget = {
  qualities: [wrongbookEventsQuality],
  flink: [{ kind: 'latency', above: '30 s', level: 'critical' }],
  channels: {
    webhook: { url: 'https://webhook.aliyun.com/alert' },
    email: { to: ['admin@company.com'], from: 'flink-alerts@company.com', smarthost: 'smtp.company.com:465', authUsername: 'flink-alerts@company.com', authPasswordFile: '/etc/alertmanager/secrets/smtp-password' },
  },
  levels: {
    critical: { notify: ['webhook'], groupWait: '10 s', groupInterval: '1 min', repeatInterval: '15 min' },
    warning: { notify: ['email'], groupWait: '1 min', groupInterval: '5 min', repeatInterval: '1 h' },
  },
  inhibit: [{ level: 'critical', mutes: ['warning'] }],
  results: { table: 'dwd.dwd_data_quality' },
};

/**
 * Seed 001's column lineage, computed from the bound plan of the jobs flinkts builds: every edge of the wide-table
 * job (through the wrongbook_add_events view), and the monitor job's edges.
 */
import { describe, expect, test } from 'vitest';
import { pipelineLineage } from '@flinkts/pipelines';
import type { LineageEdge } from '@flinkts/core';
import wrongbook from '../flinkts.config.js';

const line = (e: LineageEdge, withDescription = true): string =>
  `${e.to.table}.${e.to.column ?? '*'} <- ${e.from.table}.${e.from.column} ${e.type} ${e.subtype}${withDescription && e.description !== undefined ? ` ${e.description}` : ''}`;

describe('wrongbook lineage', () => {
  const lineage = pipelineLineage(wrongbook, 'prod');

  test('tables carry their connector, OpenLineage address and layer; jobs their inputs and outputs', () => {
    expect(lineage.tables.map((t) => [t.name, t.connector, t.address === undefined ? undefined : `${t.address.scheme}://${t.address.authority} ${t.address.name}`, t.layer])).toEqual([
      ['aliyun_catalog.dwd.dwd_wrong_record_wide_delta', 'jdbc', 'mysql://rds.aliyun.com:3306 dwd.dwd_wrong_record_wide_delta', 'dwd'],
      ['aliyun_catalog.dwd.wrongbook_events', 'kafka', 'kafka://kafka.aliyun.com:9092 wrongbook-events', 'ods'],
      ['default_catalog.default_database.dwd_data_quality', 'jdbc', 'mysql://rds.aliyun.com:3306 dwd.dwd_data_quality', undefined],
      ['default_catalog.default_database.wrongbook_events_quality_source', 'kafka', 'kafka://kafka.aliyun.com:9092 wrongbook-events', 'ods'],
    ]);
    expect(lineage.jobs).toEqual([
      { name: 'wrongbook-wide-table', inputs: ['aliyun_catalog.dwd.wrongbook_events'], outputs: ['aliyun_catalog.dwd.dwd_wrong_record_wide_delta'] },
      { name: 'wrongbook-monitor', inputs: ['default_catalog.default_database.wrongbook_events_quality_source'], outputs: ['default_catalog.default_database.dwd_data_quality'] },
    ]);
  });

  test('the wide table: collect_time from payload through JSON_VALUE and TO_TIMESTAMP_LTZ, id from eventId through HASH_CODE, filters on domain and type', () => {
    const sink = 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta';
    const src = 'aliyun_catalog.dwd.wrongbook_events';
    expect(lineage.edges.filter((e) => e.job === 'wrongbook-wide-table').map((e) => line(e))).toEqual([
      `${sink}.* <- ${src}.domain INDIRECT FILTER`,
      `${sink}.* <- ${src}.type INDIRECT FILTER`,
      `${sink}.collect_time <- ${src}.payload DIRECT TRANSFORMATION TO_TIMESTAMP_LTZ(CAST(JSON_VALUE(\`payload\`, '$.wrongTime') AS BIGINT), 3)`,
      `${sink}.event_id <- ${src}.eventId DIRECT IDENTITY`,
      `${sink}.event_type <- ${src}.type DIRECT IDENTITY`,
      `${sink}.id <- ${src}.eventId DIRECT TRANSFORMATION CAST(HASH_CODE(\`eventId\`) AS BIGINT)`,
      `${sink}.pattern_id <- ${src}.payload DIRECT TRANSFORMATION JSON_VALUE(\`payload\`, '$.patternId')`,
      `${sink}.process_time <- ${src}.proc_time DIRECT TRANSFORMATION PROCTIME()`,
      `${sink}.question_id <- ${src}.payload DIRECT TRANSFORMATION JSON_VALUE(\`payload\`, '$.questionId')`,
      `${sink}.subject <- ${src}.payload DIRECT TRANSFORMATION JSON_VALUE(\`payload\`, '$.subject')`,
      `${sink}.subject_name <- ${src}.payload DIRECT TRANSFORMATION JSON_VALUE(\`payload\`, '$.subjectName')`,
      `${sink}.user_id <- ${src}.payload DIRECT TRANSFORMATION JSON_VALUE(\`payload\`, '$.userId')`,
      `${sink}.wrong_id <- ${src}.eventId DIRECT IDENTITY`,
    ]);
  });

  test('the monitor: window columns from the event time, quality counts aggregated from the checked columns', () => {
    const edges = lineage.edges.filter((e) => e.job === 'wrongbook-monitor').map((e) => line(e, false).replaceAll('default_catalog.default_database.', ''));
    const checked = ['domain', 'eventId', 'payload', 'timestamp', 'type'];
    const counts = ['failed_rows', 'pass_rate', 'passed_rows', 'score'].flatMap((c) => [
      `dwd_data_quality.${c} <- wrongbook_events_quality_source.eventId DIRECT AGGREGATION`,
      ...checked.map((k) => `dwd_data_quality.${c} <- wrongbook_events_quality_source.${k} INDIRECT CONDITIONAL`),
    ]);
    expect(edges).toEqual([
      'dwd_data_quality.* <- wrongbook_events_quality_source.timestamp INDIRECT GROUP_BY',
      'dwd_data_quality.* <- wrongbook_events_quality_source.timestamp INDIRECT WINDOW',
      ...counts,
      'dwd_data_quality.window_end <- wrongbook_events_quality_source.timestamp DIRECT TRANSFORMATION',
      'dwd_data_quality.window_start <- wrongbook_events_quality_source.timestamp DIRECT TRANSFORMATION',
    ]);
    const windowStart = lineage.edges.find((e) => e.to.column === 'window_start');
    expect(windowStart?.description).toBe("TUMBLE(DESCRIPTOR(`event_time`), INTERVAL '1' MINUTE).`window_start`");
  });
});

test('table columns carry their types, computed columns the type of their expression', () => {
  const events = pipelineLineage(wrongbook, 'prod').tables.find((t) => t.name === 'aliyun_catalog.dwd.wrongbook_events');
  expect(events?.columns).toEqual([
    { name: 'eventId', type: 'STRING' },
    { name: 'domain', type: 'STRING' },
    { name: 'type', type: 'STRING' },
    { name: 'timestamp', type: 'BIGINT' },
    { name: 'payload', type: 'STRING' },
    { name: 'proc_time', type: 'TIMESTAMP_LTZ(3) NOT NULL' },
  ]);
});

/**
 * Unit tests of the wrong-question-book transformation (seed document 001) with the local runtime: Flink's
 * semantics, no cluster, milliseconds per test.
 *
 * The job is the seed's SQL with its two defects fixed (`timestamp` back-quoted; the INSERT names its target
 * columns, so chapter_id / chapter_name no longer land in teach_type_id / teach_type_name).
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const JOB = `
CREATE TABLE wrongbook_events (
  eventId STRING,
  domain STRING,
  type STRING,
  \`timestamp\` BIGINT,
  payload STRING,
  proc_time AS PROCTIME()
) WITH ('connector' = 'kafka', 'topic' = 'wrongbook-events', 'format' = 'json');

CREATE TABLE dwd_wrong_record_wide_delta (
  id BIGINT, wrong_id STRING, user_id STRING, subject STRING, subject_name STRING, question_id STRING,
  question STRING, pattern_id STRING, pattern_name STRING, teach_type_id STRING, teach_type_name STRING,
  collect_time TIMESTAMP(3), fix_id STRING, fix_time TIMESTAMP(3), fix_result BIGINT, fix_result_desc STRING,
  event_id STRING, event_type STRING, process_time TIMESTAMP(3)
) WITH ('connector' = 'jdbc', 'table-name' = 'dwd_wrong_record_wide_delta');

CREATE TEMPORARY VIEW wrongbook_add_events AS
SELECT
  eventId, domain, type, \`timestamp\`,
  TO_TIMESTAMP_LTZ(\`timestamp\`, 3) AS event_time,
  proc_time,
  JSON_VALUE(payload, '$.userId') AS userid,
  JSON_VALUE(payload, '$.questionId') AS questionid,
  JSON_VALUE(payload, '$.subject') AS subject,
  JSON_VALUE(payload, '$.subjectName') AS subject_name,
  JSON_VALUE(payload, '$.patternId') AS pattern_id,
  JSON_VALUE(payload, '$.chapterId') AS chapter_id,
  JSON_VALUE(payload, '$.chapterName') AS chapter_name,
  JSON_VALUE(payload, '$.wrongTime') AS wrong_time
FROM wrongbook_events
WHERE domain = 'wrongbook' AND type = 'wrongbook_add';

INSERT INTO dwd_wrong_record_wide_delta (
  id, wrong_id, user_id, subject, subject_name, question_id, question, pattern_id, pattern_name,
  teach_type_id, teach_type_name, collect_time, fix_id, fix_time, fix_result, fix_result_desc,
  event_id, event_type, process_time)
SELECT
  CAST(HASH_CODE(COALESCE(eventId)) AS BIGINT),
  eventId, userid, subject, subject_name, questionid, '', pattern_id, '',
  CAST(NULL AS STRING), CAST(NULL AS STRING),
  TO_TIMESTAMP_LTZ(CAST(wrong_time AS BIGINT), 3),
  '', CAST(NULL AS TIMESTAMP(3)), 0, '未订正', eventId, type, proc_time
FROM wrongbook_add_events;
`;

const payload = (o: Record<string, unknown>) => JSON.stringify(o);
const event = (eventId: string, domain: string, type: string, p: Record<string, unknown> | string) => ({
  eventId, domain, type, timestamp: 1_700_000_000_000, payload: typeof p === 'string' ? p : payload(p),
});
const ADD = {
  userId: 'u-1', questionId: 'q-9', subject: 'math', subjectName: '数学', patternId: 'p-3',
  chapterId: 'c-7', chapterName: 'Functions', wrongTime: 1_700_000_000_123,
};
const run = (events: ReturnType<typeof event>[]) =>
  runJob(JOB, {
    inputs: { wrongbook_events: events },
    config: { 'table.local-time-zone': 'Asia/Shanghai' },
    now: () => Date.UTC(2024, 0, 1, 0, 0, 0),
  });

describe('wrongbook wide table (local runtime)', () => {
  it('keeps only wrongbook_add events of the wrongbook domain', () => {
    const r = run([
      event('e1', 'wrongbook', 'wrongbook_add', ADD),
      event('e2', 'wrongbook', 'wrongbook_fix', ADD),
      event('e3', 'homework', 'wrongbook_add', ADD),
    ]);
    expect(r.rows('dwd_wrong_record_wide_delta').map((x) => x.wrong_id)).toEqual(['e1']);
  });

  it('puts the JSON payload fields into the right columns', () => {
    const [row] = run([event('e1', 'wrongbook', 'wrongbook_add', ADD)]).rows('dwd_wrong_record_wide_delta');
    expect(row).toMatchObject({
      user_id: 'u-1', question_id: 'q-9', subject: 'math', subject_name: '数学', pattern_id: 'p-3',
      teach_type_id: null, teach_type_name: null, question: '', pattern_name: '', fix_id: '',
      fix_time: null, fix_result: 0, fix_result_desc: '未订正', event_id: 'e1', event_type: 'wrongbook_add',
    });
  });

  it('ids are Java String.hashCode of the event id, widened to BIGINT', () => {
    const rows = run([event('abc', 'wrongbook', 'wrongbook_add', ADD), event('evt-2024-0001', 'wrongbook', 'wrongbook_add', ADD)]).rows('dwd_wrong_record_wide_delta');
    expect(rows.map((x) => x.id)).toEqual([96354, 771228996]);
  });

  it('wrongTime (epoch millis) becomes collect_time in the session time zone; process_time is the processing-time clock', () => {
    const [row] = run([event('e1', 'wrongbook', 'wrongbook_add', ADD)]).rows('dwd_wrong_record_wide_delta');
    expect(row?.collect_time).toBe('2023-11-15 06:13:20.123');
    expect(row?.process_time).toBe('2024-01-01 08:00:00.000');
  });

  it('a payload that is not JSON gives NULL fields instead of failing the job', () => {
    const [row] = run([event('e1', 'wrongbook', 'wrongbook_add', '{not json')]).rows('dwd_wrong_record_wide_delta');
    expect(row).toMatchObject({ user_id: null, subject: null, collect_time: null });
  });

  it('the changelog is insert-only, as Flink prints it', () => {
    const r = run([event('abc', 'wrongbook', 'wrongbook_add', ADD)]);
    expect(r.changelog('dwd_wrong_record_wide_delta')).toEqual([
      '+I[96354, abc, u-1, math, 数学, q-9, , p-3, , null, null, 2023-11-15T06:13:20.123, , null, 0, 未订正, abc, wrongbook_add, 2024-01-01T08:00]',
    ]);
  });
});

/**
 * Unit tests of the wrong-question-book transformation (seed document 001) with the local runtime: Flink's
 * semantics, no cluster, milliseconds per test. The job is the one declared in `src/` with the TypeScript
 * builders; it is run both as built (statements) and as the SQL script it prints (parsed back), which must agree.
 */
import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '@flinkts/connectors';
import { rowsOf, runJob } from '@flinkts/core/testing';
import type { JobSource } from '@flinkts/core/testing';
import { statements, wrongbookScript } from '../src/script.js';
import { wrongbookEvents } from '../src/tables.js';

const payload = (o: Record<string, unknown>) => JSON.stringify(o);
const event = (eventId: string, domain: string, type: string, p: Record<string, unknown> | string) => ({
  eventId, domain, type, timestamp: 1_700_000_000_000n, payload: typeof p === 'string' ? p : payload(p),
});
const ADD = {
  userId: 'u-1', questionId: 'q-9', subject: 'math', subjectName: '数学', patternId: 'p-3',
  chapterId: 'c-7', chapterName: 'Functions', wrongTime: 1_700_000_000_123,
};
const runWith = (job: JobSource) => (events: ReturnType<typeof event>[]) =>
  runJob(job, {
    inputs: rowsOf(wrongbookEvents, events),
    config: { 'table.local-time-zone': 'Asia/Shanghai' },
    now: () => Date.UTC(2024, 0, 1, 0, 0, 0),
    // the Kafka source's changelog (and the upsert sink's) from the connectors' capabilities, as `flinkts check` reads them
    capabilities: resolveCapabilities,
  });
const run = runWith(statements);

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

  it('the printed SQL script, parsed back, gives the same changelog as the TypeScript-built job', () => {
    const events = [event('abc', 'wrongbook', 'wrongbook_add', ADD), event('e2', 'homework', 'wrongbook_add', ADD)];
    expect(runWith(wrongbookScript())(events).changelog('dwd_wrong_record_wide_delta')).toEqual(run(events).changelog('dwd_wrong_record_wide_delta'));
  });
});

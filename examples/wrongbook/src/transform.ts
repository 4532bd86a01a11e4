/**
 * The transformation: keep `wrongbook_add` events of the `wrongbook` domain, extract the payload's fields with
 * JSON_VALUE, and write one wide row per event. The INSERT names its target columns (taken from the selection),
 * so the seed's misalignment — chapter_id / chapter_name landing in teach_type_id / teach_type_name through a
 * positional INSERT — cannot happen: the event carries no teaching type, so those columns are typed NULLs.
 */
import { cast, fn, from, insertInto, lit, nullOf, t, view } from '@flinkts/core';
import { wrongRecordWideDelta, wrongbookEvents } from './tables.js';

/** `wrongbook_add` events with their payload fields extracted. */
export const wrongbookAddEvents = view(
  'wrongbook_add_events',
  from(wrongbookEvents, 'e')
    .where(({ e }) => e.domain.eq('wrongbook').and(e.type.eq('wrongbook_add')))
    .select(({ e }) => ({
      eventId: e.eventId,
      domain: e.domain,
      type: e.type,
      timestamp: e.timestamp,
      event_time: fn.toTimestampLtz(e.timestamp, 3),
      proc_time: e.proc_time,
      userid: fn.jsonValue(e.payload, '$.userId'),
      questionid: fn.jsonValue(e.payload, '$.questionId'),
      subject: fn.jsonValue(e.payload, '$.subject'),
      subject_name: fn.jsonValue(e.payload, '$.subjectName'),
      pattern_id: fn.jsonValue(e.payload, '$.patternId'),
      chapter_id: fn.jsonValue(e.payload, '$.chapterId'),
      chapter_name: fn.jsonValue(e.payload, '$.chapterName'),
      wrong_time: fn.jsonValue(e.payload, '$.wrongTime'),
      create_time: fn.jsonValue(e.payload, '$.createTime'),
    })),
);

/** The wide row, column by column. */
export const insertWideRows = insertInto(
  wrongRecordWideDelta,
  from(wrongbookAddEvents, 'w').select(({ w }) => ({
    id: cast(fn.hashCode(w.eventId), t.bigint()),
    wrong_id: w.eventId,
    user_id: w.userid,
    subject: w.subject,
    subject_name: w.subject_name,
    question_id: w.questionid,
    question: lit(''),
    pattern_id: w.pattern_id,
    pattern_name: lit(''),
    teach_type_id: nullOf(t.string()),
    teach_type_name: nullOf(t.string()),
    collect_time: fn.toTimestampLtz(cast(w.wrong_time, t.bigint()), 3),
    fix_id: lit(''),
    fix_time: nullOf(t.timestamp(3)),
    fix_result: lit(0),
    fix_result_desc: lit('未订正'),
    event_id: w.eventId,
    event_type: w.type,
    process_time: w.proc_time,
  })),
);

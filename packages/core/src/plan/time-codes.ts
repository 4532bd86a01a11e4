/**
 * Stable diagnostic codes of the time-attribute checks (FTS4301–FTS4399): the analyzer's rules over the plan raise
 * them, and the local runtime raises the same code where it meets the same fact (one code per fact).
 */
import { codeTable, template } from '../diagnostics/code-table.js';

const ONE_WINDOW = 'Flink runs one OVER window per query: ordered ascending by one time attribute, with frames that end at CURRENT ROW';

export const TIME_CODE_TABLE = codeTable({
  descriptorNotTimeAttribute: ['FTS4301', "A window TVF's DESCRIPTOR column is not a time attribute."],
  timeAttributeLost: ['FTS4302', 'A column lost its time attribute (CAST, arithmetic, GROUP BY, regular join) before being used as one.'],
  malformedDescriptor: ['FTS4303', 'A window TVF call without exactly one DESCRIPTOR column.'],
  temporalJoinNotTimeAttribute: ['FTS4304', 'FOR SYSTEM_TIME AS OF is not on a time attribute of the left input.'],
  lookupNotSupported: ['FTS4305', 'A processing-time temporal (lookup) join against a connector that cannot be looked up.'],
  versionedTableWithoutKey: ['FTS4306', 'An event-time temporal join against a versioned side without a key: a table without PRIMARY KEY, a view without unique key, or a key not in the join condition.'],
  versionedTableWithoutWatermark: ['FTS4307', 'An event-time temporal join against a table without WATERMARK.'],
  temporalJoinType: ['FTS4308', 'A temporal join that is neither INNER nor LEFT.'],
  intervalJoinMixedTime: ['FTS4309', 'An interval join whose bounds compare a rowtime with a proctime.'],
  overOrderNotTimeAttribute: ['FTS4310', 'An OVER window ordered by a column that is not a time attribute.'],
  sortNotTimeAttribute: ['FTS4311', 'ORDER BY (without LIMIT) on something other than an ascending time attribute.'],
  watermarkType: ['FTS4312', 'A WATERMARK on a column of the wrong type.'],
  watermarkUnknownColumn: ['FTS4313', 'A WATERMARK on a column the table does not have.'],
  groupWindowNotTimeAttribute: ['FTS4314', 'A legacy group window (GROUP BY TUMBLE(col, …)) on a column that is not a time attribute.'],
  severalRowtimesIntoSink: ['FTS4315', 'An INSERT writes more than one rowtime attribute into its sink.', template(
    (p: { readonly rowtimes: readonly string[]; readonly sink: string }) => `The query contains more than one rowtime attribute column [${p.rowtimes.join(', ')}] for writing into table '${p.sink}'`,
    (p) => `keep one as the event-time timestamp and CAST the others to TIMESTAMP(3) (or TIMESTAMP_LTZ(3)), e.g. CAST(${p.rowtimes[1]} AS TIMESTAMP(3))`,
  )],
  hopSizeNotMultipleOfSlide: ['FTS4316', 'A HOP window whose size is not an integral multiple of its slide.'],
  groupWindowAuxiliaryWithoutWindow: ['FTS4317', 'TUMBLE_START / HOP_END / SESSION_… without the matching group window (same arguments) in GROUP BY.'],
  partitionedAlignedWindow: ['FTS4318', 'PARTITION BY on the table argument of a window TVF other than SESSION (only SESSION takes it).'],
  // OVER windows as Flink 1.20.1's stream planner takes them (each message is Flink's; checked on the real planner)
  overOrderDescending: ['FTS4319', 'An OVER window ordered DESC: the stream planner orders OVER windows ascending only.', template<object>(
    () => 'The window can only be ordered in ASCENDING mode.', () => `drop DESC; ${ONE_WINDOW}`)],
  overOrderSeveralKeys: ['FTS4320', 'An OVER window ordered by more than one column.', template<object>(
    () => 'The window can only be ordered by a single time column.', () => 'order the window by its time attribute only')],
  overFollowing: ['FTS4321', 'An OVER frame that reaches past the current row (… FOLLOWING).', template<object>(
    () => 'OVER RANGE FOLLOWING windows are not supported yet.', () => 'end the frame at CURRENT ROW')],
  overRangeNotInterval: ['FTS4322', 'A RANGE frame over a time attribute whose offset is not a day-time INTERVAL literal.', template<object>(
    () => 'Data Type mismatch between ORDER BY and RANGE clause', () => "write the offset as an interval: RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW")],
  overDifferentWindows: ['FTS4323', 'OVER calls of one query over different windows (PARTITION BY, ORDER BY or frame).', template<object>(
    () => 'Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.',
    () => 'give every OVER call of the query the same window (a named WINDOW w AS (…) helps), or compute them in separate queries joined afterwards')],
  overRankingFrame: ['FTS4324', 'ROW_NUMBER, RANK, DENSE_RANK, LAG or LEAD with an explicit ROWS / RANGE frame.', template<object>(
    () => 'ROW/RANGE not allowed with RANK, DENSE_RANK or ROW_NUMBER functions', () => 'drop the ROWS / RANGE clause of this call')],
  proctimeWindowRank: ['FTS4326', 'A window TopN or window deduplication over a processing-time window TVF: Flink 1.20.1 has none ("Processing time Window TopN / Deduplication is not supported yet").', template<object>(
    () => 'Processing time Window TopN / Deduplication is not supported yet (Flink 1.20 rejects window TopN and window deduplication on processing-time windows)',
    () => 'use an event-time (rowtime) window, or a TopN / deduplication outside windows')],
  proctimeWindowJoin: ['FTS4327', 'A window join of processing-time window TVFs: Flink 1.20.1 has none ("Processing time Window Join is not supported yet").', template<object>(
    () => 'Processing time Window Join is not supported yet (Flink 1.20 rejects window joins on processing-time windows)',
    () => 'use event-time (rowtime) windows, or a join outside windows')],
  leadOnStream: ['FTS4325', 'LEAD in a streaming query: Flink cannot know later rows.', template<object>(
    () => 'LEAD Function is not supported in stream mode.', () => 'use LAG with the ORDER BY reversed in meaning, or compute it in batch mode')],
});

export const TIME_CODES = TIME_CODE_TABLE.codes;
export const TIME_TEXTS = TIME_CODE_TABLE.texts;

/**
 * Stable diagnostic codes of the time-attribute checks (FTS4301–FTS4399): the analyzer's rules over the plan raise
 * them, and the local runtime raises the same code where it meets the same fact (one code per fact).
 */
import { codeTable, template } from '../diagnostics/code-table.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';

const ONE_WINDOW = 'Flink runs one OVER window per query: ordered ascending by one time attribute, with frames that end at CURRENT ROW';

/** How to make a column a time attribute. */
const declareTime = (column: string): string => `declare WATERMARK FOR ${column} AS ${column} - INTERVAL '5' SECOND on its table (event time), or use a column declared AS PROCTIME() (processing time)`;

export const TIME_CODE_TABLE = codeTable({
  descriptorNotTimeAttribute: ['FTS4301', "A window TVF's DESCRIPTOR column is not a time attribute.", template(
    (p: { readonly column: string; readonly usage: string }) => `column '${p.column}' is not a time attribute, but ${p.usage} needs one`,
    (p) => declareTime(p.column),
  )],
  timeAttributeLost: ['FTS4302', 'A column lost its time attribute (CAST, arithmetic, GROUP BY, regular join) before being used as one.', template(
    (p: { readonly column: string; readonly usage: string; readonly kind: string; readonly reason: string; readonly intervalJoin?: boolean }) =>
      `column '${p.column}' is used as a time attribute in ${p.usage}, but it lost its ${p.kind} attribute by ${p.reason}${p.intervalJoin === true ? '; the join would be a regular join keeping all rows in state' : ''}`,
    (p) => `pass the ${p.kind} column through unchanged (no CAST, arithmetic or non-window GROUP BY) up to ${p.usage}`,
  )],
  malformedDescriptor: ['FTS4303', 'A window TVF call without exactly one DESCRIPTOR column.', template(
    (p: { readonly fn: string }) => `${p.fn} needs exactly one time attribute column as DESCRIPTOR(column)`,
    (p) => `write ${p.fn}(TABLE t, DESCRIPTOR(time_col), …)`,
  )],
  temporalJoinNotTimeAttribute: ['FTS4304', 'FOR SYSTEM_TIME AS OF is not on a time attribute of the left input.', template(
    (p: { readonly column?: string; readonly right?: string }) => p.column === undefined
      ? 'FOR SYSTEM_TIME AS OF must name a time attribute column of the left input, not an expression'
      : `column '${p.column}' is not a time attribute, but FOR SYSTEM_TIME AS OF${p.right === undefined ? '' : ` of the join with '${p.right}'`} needs one`,
    (p) => p.column === undefined
      ? "use the left table's rowtime (event-time temporal join) or PROCTIME() column (lookup join)"
      : `declare '${p.column}' AS PROCTIME() for a lookup join, or a WATERMARK on it for an event-time temporal join`,
  )],
  lookupNotSupported: ['FTS4305', 'A processing-time temporal (lookup) join against a connector that cannot be looked up.', template(
    (p: { readonly connector: string; readonly table: string }) =>
      `a lookup join (FOR SYSTEM_TIME AS OF a processing-time attribute) needs a table that can be looked up, but connector '${p.connector}' of '${p.table}' does not support lookups (processing-time temporal joins against other tables are not supported)`,
    () => 'join a lookup-capable table (jdbc, hbase, paimon, hive, …), or use an event-time temporal join on a versioned table',
  )],
  versionedTableWithoutKey: ['FTS4306', 'An event-time temporal join against a versioned side without a key: a table without PRIMARY KEY, a view without unique key, or a key not in the join condition.', template(
    (p: { readonly kind: 'table'; readonly table: string } | { readonly kind: 'view' } | { readonly kind: 'notJoined'; readonly key: string }) =>
      (p.kind === 'table' ? `an event-time temporal join needs a versioned table, but '${p.table}' has no PRIMARY KEY`
        : p.kind === 'view' ? 'an event-time temporal join needs a versioned table, but the view or sub-query it joins has no unique key (Flink: "Temporal Table Join requires primary key in versioned table")'
          : `the versioned table's key (${p.key}) must be in the equality condition of the event-time temporal join`),
    (p) => (p.kind === 'table' ? `declare PRIMARY KEY (…) NOT ENFORCED on '${p.table}' (the key the versions are tracked by)`
      : p.kind === 'view' ? 'join a table with a PRIMARY KEY, or a view that keeps the last row per key (ROW_NUMBER() OVER (PARTITION BY key ORDER BY time DESC) = 1)'
        : `join on the versioned side's key (${p.key}) with an equality, or key the versioned view by the column it is joined on`),
  )],
  versionedTableWithoutWatermark: ['FTS4307', 'An event-time temporal join against a table without WATERMARK.', template(
    (p: { readonly table: string }) => `an event-time temporal join needs a versioned table, but '${p.table}' has no WATERMARK (no rowtime attribute)`,
    (p) => `declare WATERMARK FOR <time column> AS … on '${p.table}'`,
  )],
  temporalJoinType: ['FTS4308', 'A temporal join that is neither INNER nor LEFT.', template(
    (p: { readonly type: string }) => `a temporal join (FOR SYSTEM_TIME AS OF) must be an INNER or LEFT join, not ${p.type}`,
    () => 'write JOIN or LEFT JOIN',
  )],
  intervalJoinMixedTime: ['FTS4309', 'An interval join whose bounds compare a rowtime with a proctime.', template(
    (p: { readonly left: string; readonly leftTime: string; readonly right: string; readonly rightTime: string }) =>
      `an interval join bounds the ${p.leftTime} attribute '${p.left}' by the ${p.rightTime} attribute '${p.right}'; both sides must use the same kind of time attribute`,
    () => 'bound rowtime by rowtime (event time) or proctime by proctime (processing time)',
  )],
  overOrderNotTimeAttribute: ['FTS4310', 'An OVER window ordered by a column that is not a time attribute.', template(
    (p: ({ readonly kind: 'noOrderBy' } | { readonly kind: 'notTime'; readonly column?: string } | { readonly kind: 'lost'; readonly column: string; readonly time: string; readonly reason: string }) & { readonly rowNumber?: boolean }) =>
      `OVER windows' ordering in stream mode must be defined on a time attribute${p.kind === 'noOrderBy' ? ', but this OVER has no ORDER BY' : p.kind === 'lost' ? `, but '${p.column}' lost its ${p.time} attribute by ${p.reason}` : p.column === undefined ? '' : `, but '${p.column}' is not one`}`,
    (p) => `ORDER BY a rowtime (WATERMARK) or PROCTIME() column${p.rowNumber === true ? '; for deduplication or TopN filter the row number in an outer query (WHERE rn = 1)' : ''}`,
  )],
  sortNotTimeAttribute: ['FTS4311', 'ORDER BY (without LIMIT) on something other than an ascending time attribute.', template(
    (p: { readonly why?: string }) => `Sort on a non-time-attribute field is not supported in streaming mode: ORDER BY must start with an ascending time attribute${p.why === undefined ? '' : ` (${p.why})`}`,
    () => 'order by the rowtime or PROCTIME() column ascending, or add LIMIT for a TopN',
  )],
  watermarkType: ['FTS4312', 'A WATERMARK on a column of the wrong type.', template(
    (p: { readonly kind: 'column'; readonly column: string; readonly type: string; readonly bigint: boolean } | { readonly kind: 'expression'; readonly type: string }) =>
      p.kind === 'column'
        ? `Invalid data type of time field '${p.column}' for watermark definition: it is ${p.type}, but must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p from 0 to 3`
        : `Invalid data type of expression for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the watermark expression type is ${p.type}`,
    (p) => p.kind === 'expression' ? "write the WATERMARK as the rowtime column minus an interval, e.g. ts - INTERVAL '5' SECOND"
      : p.bigint ? `add a computed column such as \`ts AS TO_TIMESTAMP_LTZ(${p.column}, 3)\` and declare the WATERMARK on it` : 'declare a computed column CAST(… AS TIMESTAMP(3)) and put the WATERMARK on it',
  )],
  watermarkUnknownColumn: ['FTS4313', 'A WATERMARK on a column the table does not have.', template(
    (p: { readonly column: string; readonly columns: readonly string[] }) => `The rowtime attribute field '${p.column}' of the WATERMARK is not defined in the table schema`,
    (p) => didYouMean(p.column, p.columns) ?? `columns: ${p.columns.join(', ')}`,
  )],
  groupWindowNotTimeAttribute: ['FTS4314', 'A legacy group window (GROUP BY TUMBLE(col, …)) on a column that is not a time attribute.', template(
    (p: { readonly fn: string; readonly column?: string }) =>
      `Window can only be defined on a time attribute column, but ${p.column === undefined ? `the first argument of ${p.fn} is an expression` : `'${p.column}' of ${p.fn}(…) is not one`}`,
    (p) => p.column === undefined ? 'pass the rowtime (WATERMARK) or PROCTIME() column itself' : declareTime(p.column),
  )],
  severalRowtimesIntoSink: ['FTS4315', 'An INSERT writes more than one rowtime attribute into its sink.', template(
    (p: { readonly rowtimes: readonly string[]; readonly sink: string }) => `The query contains more than one rowtime attribute column [${p.rowtimes.join(', ')}] for writing into table '${p.sink}'`,
    (p) => `keep one as the event-time timestamp and CAST the others to TIMESTAMP(3) (or TIMESTAMP_LTZ(3)), e.g. CAST(${p.rowtimes[1]} AS TIMESTAMP(3))`,
  )],
  hopSizeNotMultipleOfSlide: ['FTS4316', 'A HOP window whose size is not an integral multiple of its slide.', template(
    (p: { readonly size: number; readonly slide: number }) => `HOP table function based aggregate requires size must be an integral multiple of slide, but got size ${p.size} ms and slide ${p.slide} ms`,
    (p) => `make the size a multiple of the slide, e.g. size ${Math.max(1, Math.round(p.size / p.slide)) * p.slide} ms`,
  )],
  groupWindowAuxiliaryWithoutWindow: ['FTS4317', 'TUMBLE_START / HOP_END / SESSION_… without the matching group window (same arguments) in GROUP BY.', template(
    (p: { readonly fn: string; readonly group: string }) => `Call to auxiliary group function '${p.fn}' must have matching call to group function '${p.group}' in GROUP BY clause`,
    (p) => `add GROUP BY ${p.group}(…) with the same arguments, or use a window TVF (${p.group}(TABLE t, DESCRIPTOR(ts), …)) and window_start / window_end`,
  )],
  partitionedAlignedWindow: ['FTS4318', 'PARTITION BY on the table argument of a window TVF other than SESSION (only SESSION takes it).', template(
    (p: { readonly fn: string }) => `Only tables with set semantics may be partitioned: ${p.fn} takes no PARTITION BY on its table argument`,
    () => 'drop PARTITION BY (group by the key instead), or use SESSION windows, which take PARTITION BY',
  )],
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

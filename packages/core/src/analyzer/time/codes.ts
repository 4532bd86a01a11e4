/** Stable diagnostic codes of the time-attribute checks (FTS4301–FTS4399). */
export const TIME_CODES = {
  /** A window TVF's DESCRIPTOR column is not a time attribute. */
  descriptorNotTimeAttribute: 'FTS4301',
  /** A column that was a time attribute lost it (CAST, arithmetic, GROUP BY, regular join) before being used as one. */
  timeAttributeLost: 'FTS4302',
  /** A window TVF call without exactly one DESCRIPTOR column. */
  descriptorUnknownColumn: 'FTS4303',
  /** `FOR SYSTEM_TIME AS OF` is not on a time attribute of the left input. */
  temporalJoinNotTimeAttribute: 'FTS4304',
  /** A processing-time temporal (lookup) join against a connector that cannot be looked up. */
  lookupNotSupported: 'FTS4305',
  /** An event-time temporal join against a table without PRIMARY KEY, a view without unique key, or not on that key. */
  versionedTableWithoutKey: 'FTS4306',
  /** An event-time temporal join against a table without WATERMARK. */
  versionedTableWithoutWatermark: 'FTS4307',
  /** A temporal join that is neither INNER nor LEFT. */
  temporalJoinType: 'FTS4308',
  /** An interval join whose bounds compare a rowtime with a proctime. */
  intervalJoinMixedTime: 'FTS4309',
  /** An OVER window ordered by a column that is not a time attribute. */
  overOrderNotTimeAttribute: 'FTS4310',
  /** ORDER BY (without LIMIT) on something other than an ascending time attribute. */
  sortNotTimeAttribute: 'FTS4311',
  /** A WATERMARK on a column of the wrong type. */
  watermarkType: 'FTS4312',
  /** A WATERMARK on a column the table does not have. */
  watermarkUnknownColumn: 'FTS4313',
  /** A legacy group window (GROUP BY TUMBLE(col, …)) on a column that is not a time attribute. */
  groupWindowNotTimeAttribute: 'FTS4314',
  /** An INSERT writes more than one rowtime attribute into its sink. */
  severalRowtimesIntoSink: 'FTS4315',
  /** A HOP window whose size is not an integral multiple of its slide. */
  hopSizeNotMultipleOfSlide: 'FTS4316',
  /** TUMBLE_START / HOP_END / … without the matching group window in GROUP BY. */
  groupWindowAuxiliaryWithoutWindow: 'FTS4317',
} as const;

/**
 * Stable diagnostic codes of the time-attribute checks (FTS4301–FTS4399): the analyzer's rules over the plan raise
 * them, and the local runtime raises the same code where it meets the same fact (one code per fact).
 */
import { codeTable } from '../diagnostics/code-table.js';

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
  severalRowtimesIntoSink: ['FTS4315', 'An INSERT writes more than one rowtime attribute into its sink.'],
  hopSizeNotMultipleOfSlide: ['FTS4316', 'A HOP window whose size is not an integral multiple of its slide.'],
  groupWindowAuxiliaryWithoutWindow: ['FTS4317', 'TUMBLE_START / HOP_END / SESSION_… without the matching group window (same arguments) in GROUP BY.'],
  partitionedAlignedWindow: ['FTS4318', 'PARTITION BY on the table argument of a window TVF other than SESSION (only SESSION takes it).'],
});

export const TIME_CODES = TIME_CODE_TABLE.codes;

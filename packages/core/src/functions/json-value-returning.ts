/**
 * The types JSON_VALUE's RETURNING clause takes in Flink 1.20: VARCHAR / STRING, BOOLEAN, INT and DOUBLE. Any
 * other (BIGINT, DECIMAL, TINYINT, CHAR(n), DATE, …) is refused by its planner with "Unsupported type '…' for
 * RETURNING in JSON_VALUE()" (recorded answers JSON_VALUE-008/009/010/020; newer Flink releases take more).
 */
import type { DataType } from '../types/data-type.js';

const SUPPORTED = new Set<DataType['kind']>(['VARCHAR', 'BOOLEAN', 'INT', 'DOUBLE']);

/** Whether Flink 1.20 takes `RETURNING <type>` in JSON_VALUE (FTS4406 otherwise: TYPE_TEXTS.badArgument, kind jsonReturning). */
export function jsonValueReturningSupported(type: DataType): boolean {
  return SUPPORTED.has(type.kind);
}

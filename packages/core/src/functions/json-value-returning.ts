/**
 * The types JSON_VALUE's RETURNING clause takes in Flink 1.20: VARCHAR / STRING, BOOLEAN, INT and DOUBLE. Any
 * other (BIGINT, DECIMAL, TINYINT, CHAR(n), DATE, …) is refused by its planner with "Unsupported type '…' for
 * RETURNING in JSON_VALUE()" (recorded answers JSON_VALUE-008/009/010/020; newer Flink releases take more).
 */
import type { DataType } from '../types/data-type.js';

const SUPPORTED = new Set<DataType['kind']>(['VARCHAR', 'BOOLEAN', 'INT', 'DOUBLE']);

/** Why Flink 1.20 refuses `RETURNING <type>` in JSON_VALUE, or undefined when it takes it. */
export function jsonValueReturningProblem(type: DataType, shown: string): string | undefined {
  return SUPPORTED.has(type.kind) ? undefined : `Unsupported type '${shown}' for RETURNING in JSON_VALUE(); Flink 1.20 takes STRING, BOOLEAN, INT or DOUBLE`;
}

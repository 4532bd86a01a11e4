/**
 * The OVER-only functions as Flink 1.20's stream OVER aggregation computes them:
 * - ROW_NUMBER counts the frame's rows (it always runs on a ROWS frame);
 * - RANK and DENSE_RANK run on the RANGE frame, where Flink's stream operator gives peers with equal time the
 *   number of rows up to and including the last peer (both functions alike, as real Flink 1.20.1 answers);
 * - LAG(x, n, default) is the value n rows before the frame's last row (NULLs count as rows), or the default
 *   when there is none or it is NULL.
 */
import type { Evaluator, Row } from '../compiled.js';

export interface OverFunctionAccumulator {
  accumulate(row: Row): void;
  retract(row: Row): void;
  value(): unknown;
}

export type OverFunction = () => OverFunctionAccumulator;

export const RANKING: ReadonlySet<string> = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

export function rankingAccumulator(_fn: string): OverFunction {
  return () => {
    let n = 0;
    return { accumulate: () => { n++; }, retract: () => { n--; }, value: () => BigInt(n) };
  };
}

export function lagAccumulator(value: Evaluator, offset: number, dflt: Evaluator | undefined): OverFunction {
  return () => {
    const buffer: unknown[] = [];
    let last: Row | undefined;
    return {
      accumulate: (r) => {
        buffer.push(value(r) ?? null);
        if (buffer.length > offset + 1) buffer.shift();
        last = r;
      },
      retract: () => { /* LAG takes no frame: nothing leaves it */ },
      value: () => {
        // a missing or NULL lagged value gives the default, as Flink's LagAggFunction
        const v = buffer.length > offset ? buffer[buffer.length - 1 - offset] : null;
        return v !== null && v !== undefined ? v : dflt && last ? dflt(last) : null;
      },
    };
  };
}

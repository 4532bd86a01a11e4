/**
 * How the runtime holds a BIGINT (a Java long): a JavaScript number when the value is a safe integer
 * (|v| <= 2^53 - 1, which a double holds exactly), or a bigint. A source hands a test's safe integers on as the
 * numbers they are (no bigint allocated per value); computations produce bigints. Either form may reach any
 * place that holds a BIGINT, so:
 *  - every expression that reads a BIGINT sees a bigint (`ExpressionCompiler.compile` wraps BIGINT-typed
 *    evaluators in `toBigint`), and every cast from BIGINT converts through it, so the function library does
 *    its exact 64-bit arithmetic on bigints only;
 *  - keys and equality treat both forms of one value as one (`singleKey`, `keyOf`, `rowsEqual`);
 *  - aggregates accept both (`LongSumAcc`);
 *  - what a user reads back (`changes`, `evaluate`) is a bigint again, as before (`bigintForm`).
 */

/** A BIGINT value as a bigint (NULL and bigints as they are). */
export function toBigint(v: unknown): unknown {
  return typeof v === 'number' ? BigInt(v) : v;
}

/** A row with its BIGINT columns (`positions`) as bigints; the row itself when none is a number. */
export function bigintForm(row: readonly unknown[], positions: readonly number[]): readonly unknown[] {
  let out: unknown[] | undefined;
  for (const i of positions) {
    const v = row[i];
    if (typeof v === 'number') {
      out ??= [...row];
      out[i] = BigInt(v);
    }
  }
  return out ?? row;
}

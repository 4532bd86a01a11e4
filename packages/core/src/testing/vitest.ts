/**
 * `import '@flinkts/core/vitest'` (or `'flinkts/vitest'`), once per test file or in a vitest setup file: registers
 * the changelog matchers with vitest's `expect` and adds them to vitest's types, so no `declare module` block is
 * needed in the user's code.
 *
 * ```ts
 * import 'flinkts/vitest';
 * expect(run.sink('out')).toHaveChangelog(['+I[1, a]', '-U[1, a]', '+U[1, b]']);
 * ```
 */
import { expect } from 'vitest';
import { flinktsMatchers } from './index.js';

expect.extend(flinktsMatchers);

/** Options of the changelog matchers: `ordered` compares in order (changelog default) or as a multiset (table default). */
export interface ChangelogMatchOptions {
  readonly ordered?: boolean;
}

/** The flinkts matchers as they appear on `expect(…)`. */
export interface FlinktsMatchers<R = unknown> {
  /** The sink's (or a printed) changelog equals `expected`, e.g. `['+I[1, a]', '-U[1, a]', '+U[1, b]']`. */
  toHaveChangelog(expected: readonly string[], opts?: ChangelogMatchOptions): R;
  /** The sink's final table equals `expected` (rows as Flink prints them, without the kind), as a multiset by default. */
  toHaveFinalTable(expected: readonly string[], opts?: ChangelogMatchOptions): R;
}

declare module 'vitest' {
  // T is vitest's own type parameter (the received value); the matchers return nothing.
  interface Matchers<T> extends FlinktsMatchers<void> {}
}

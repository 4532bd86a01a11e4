import { describe, expect, it } from 'vitest';
import { assertChangelog, runJob } from '../../src/testing/index.js';
// Registers the matchers and their types (what users import as 'flinkts/vitest'); no `declare module` here.
import '../../src/testing/vitest.js';

const run = runJob(`
  CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'values');
  CREATE TABLE out_t (k STRING, total INT) WITH ('connector' = 'values');
  INSERT INTO out_t SELECT k, SUM(v) FROM t GROUP BY k;
`, { inputs: { t: [['a', 1], ['a', 2]] } });

describe('vitest matchers', () => {
  it('compare the changelog as Flink prints it', () => {
    expect(run.sink('out_t')).toHaveChangelog(['+I[a, 1]', '-U[a, 1]', '+U[a, 3]']);
    expect(run.sink('out_t')).toHaveFinalTable(['a, 3']);
  });
  it('fail with the rows that differ', () => {
    expect(() => expect(run.sink('out_t')).toHaveChangelog(['+I[a, 1]', '+U[a, 3]'])).toThrow(/changelog differs/);
    expect(() => assertChangelog(run.changelog('out_t'), ['+I[a, 1]'])).toThrow(/\+ unexpected: -U\[a, 1\]/);
  });
});

import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

const DDL = `
  CREATE TABLE o (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
  CREATE TABLE s (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
  CREATE TABLE out_t (id INT, sid INT) WITH ('connector' = 'values');
`;
const inputs = {
  o: [[1, '2024-01-01 00:00:01'], [2, '2024-01-01 00:00:02'], [3, '2024-01-01 00:00:30']],
  s: [[1, '2024-01-01 00:00:04'], [2, '2024-01-01 00:00:20']],
};

describe('event-time interval joins', () => {
  it('an inner interval join matches rows within the bounds (inclusive) and is append-only', () => {
    const run = runJob(`${DDL}INSERT INTO out_t SELECT o.id, s.id FROM o JOIN s ON o.id = s.id AND o.ts BETWEEN s.ts - INTERVAL '3' SECOND AND s.ts;`, { inputs });
    expect(run.changelog('out_t')).toEqual(['+I[1, 1]']);
  });

  it('a LEFT interval join emits the unmatched row padded with NULL once its interval has closed, never a retraction', () => {
    const run = runJob(`${DDL}INSERT INTO out_t SELECT o.id, s.id FROM o LEFT JOIN s ON o.id = s.id AND o.ts BETWEEN s.ts - INTERVAL '3' SECOND AND s.ts;`, { inputs });
    expect([...run.changelog('out_t')].sort()).toEqual(['+I[1, 1]', '+I[2, null]', '+I[3, null]']);
    expect(run.changelog('out_t').every((c) => c.startsWith('+I'))).toBe(true);
  });

  it('both sides\' times stay rowtime attributes: writing both into a sink is refused, as Flink does (tier 3)', () => {
    const both = `${DDL.replace('(id INT, sid INT)', '(id INT, ots TIMESTAMP(3), sts TIMESTAMP(3))')}INSERT INTO out_t SELECT o.id, o.ts, s.ts FROM o JOIN s ON o.id = s.id AND o.ts BETWEEN s.ts - INTERVAL '3' SECOND AND s.ts;`;
    expect(() => runJob(both, { inputs })).toThrow(/more than one rowtime attribute column \[ts, ts\] for writing into table 'out_t'/);
    const select = `${DDL}SELECT o.ts, s.ts FROM o JOIN s ON o.id = s.id AND o.ts BETWEEN s.ts - INTERVAL '3' SECOND AND s.ts;`;
    expect(() => runJob(select, { inputs })).toThrow(/more than one rowtime attribute column/);
    // an equality of the two times is an interval join with bounds [0, 0] in Flink, so both stay rowtime attributes
    expect(() => runJob(`${DDL}SELECT o.ts, s.ts FROM o JOIN s ON o.id = s.id AND o.ts = s.ts;`, { inputs })).toThrow(/more than one rowtime attribute column/);
    const cast = both.replace('SELECT o.id, o.ts, s.ts', 'SELECT o.id, o.ts, CAST(s.ts AS TIMESTAMP(3))');
    expect(runJob(cast, { inputs }).changelog('out_t')).toEqual(['+I[1, 2024-01-01T00:00:01, 2024-01-01T00:00:04]']);
  });
});

/**
 * MATCH_RECOGNIZE: what Flink 1.20.1 refuses, the local runtime refuses with the same message (its own code), and
 * what Flink accepts, the local runtime accepts. Each query is sent to Flink as it is (not through flinkts' checks),
 * and the local runtime's error must carry Flink's message.
 */
import { describe, expect, test } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import { BridgeRequestError, FlinkBridgeClient } from '@flinkts/core/flink';
import { runJob } from '@flinkts/core/testing';

const T = "CREATE TABLE t (k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values')";
const U = "CREATE TABLE u (k INT NOT NULL, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D')";

/** [MATCH_RECOGNIZE body over t, the local code ('' when accepted), Flink's message (in its error's chain; '' when Flink runs it)]. */
const CASES: readonly [string, string, string][] = [
  ['ORDER BY v MEASURES A.v AS x PATTERN (A) DEFINE A AS TRUE', 'FTS4520', 'You must specify either rowtime or proctime for order by as the first one.'],
  ['ORDER BY ts DESC MEASURES A.v AS x PATTERN (A) DEFINE A AS TRUE', 'FTS4520', 'Primary sort order of a streaming table must be ascending on time.'],
  ['MEASURES A.v AS x PATTERN (A) DEFINE A AS TRUE', 'FTS4520', 'You must specify either rowtime or proctime for order by.'],
  ['ORDER BY ts MEASURES X.v AS x PATTERN (A) DEFINE A AS TRUE', 'FTS4521', "Table 'X' not found"],
  ['ORDER BY ts MEASURES A.v AS x AFTER MATCH SKIP TO LAST Z PATTERN (A B) DEFINE A AS TRUE', 'FTS4521', "Unknown pattern 'Z'"],
  ['ORDER BY ts MEASURES A.v AS x PATTERN ((A B)+ C) DEFINE A AS TRUE', 'FTS4522', 'Group patterns are not supported yet.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B A) DEFINE A AS TRUE', 'FTS4522', 'Pattern variables must be unique. That might change in the future.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A?? B) DEFINE A AS TRUE', 'FTS4522', 'Reluctant optional variables are not supported yet.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A+ B* C) DEFINE A AS TRUE', 'FTS4522', 'Optional pattern cannot be preceded by greedy pattern'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A{2,} B? C) DEFINE A AS TRUE', 'FTS4522', 'Optional pattern cannot be preceded by greedy pattern'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A* B?) DEFINE A AS TRUE', 'FTS4522', 'Optional pattern cannot be preceded by greedy pattern'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A*? B{0,2}?) DEFINE A AS TRUE', 'FTS4522', 'Patterns that can produce empty matches are not supported. There must be at least one non-optional state.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B+) DEFINE A AS TRUE', 'FTS4522', 'Greedy quantifiers are not allowed as the last element of a Pattern yet. Finish your pattern with either a simple variable or reluctant quantifier.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B{0,2}) DEFINE A AS TRUE', 'FTS4522', 'Greedy quantifiers are not allowed as the last element of a Pattern yet.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A | B) DEFINE B AS TRUE', 'FTS4522', "Currently, CEP doesn't support branching patterns."],
  ['ORDER BY ts MEASURES A.v AS x ALL ROWS PER MATCH PATTERN (A) DEFINE A AS TRUE', 'FTS4523', 'All rows per match mode is not supported yet.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B) DEFINE B AS B.v < PREV(B.v)', 'FTS4523', 'Flink does not support physical offsets within partition.'],
  ['ORDER BY ts MEASURES COUNT(DISTINCT A.v) AS x PATTERN (A B) DEFINE B AS TRUE', 'FTS4523', 'DISTINCT/ALL not allowed with COUNT(DISTINCT `A`.`v`) function'],
  ['ORDER BY ts MEASURES FIRST(A.v + B.v) AS x PATTERN (A B) DEFINE B AS TRUE', 'FTS4523', "Multiple pattern variables in 'FIRST(`A`.`v` + `B`.`v`, 0)'"],
  ['ORDER BY ts MEASURES SUM(A.v + B.v) AS x PATTERN (A B) DEFINE B AS TRUE', 'FTS4523', "Multiple pattern variables in 'SUM(`A`.`v` + `B`.`v`)'"],
  ["ORDER BY ts MEASURES A.v AS x PATTERN (A B) WITHIN INTERVAL '1' MONTH DEFINE B AS TRUE", 'FTS4523', 'Only constant intervals with millisecond resolution are supported as time constraints of patterns.'],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B) DEFINE B AS 1', 'FTS4403', 'DEFINE clause must be a condition'],
  ['ORDER BY ts MEASURES FIRST(LAST(A.v)) AS x PATTERN (A B) DEFINE B AS TRUE', 'FTS4523', "Cannot nest PREV/NEXT under LAST/FIRST 'LAST(`A`.`v`, 0)'"],
  ['ORDER BY ts MEASURES FIRST(SUM(A.v)) AS x PATTERN (A B) DEFINE B AS TRUE', 'FTS4523', "Cannot use aggregation in navigation 'SUM(`A`.`v`)'"],
  // accepted by Flink, not run by the local runtime (FTS7001)
  ["ORDER BY ts MEASURES LISTAGG(A.s, '-') AS x PATTERN (A B) DEFINE B AS TRUE", 'FTS7001', ''],
  ['ORDER BY ts MEASURES SUM(LAST(A.v)) AS x PATTERN (A B) DEFINE B AS TRUE', 'FTS7001', ''],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B) DEFINE B AS MATCH_ROWTIME() IS NOT NULL', 'FTS7001', ''],
  // accepted by both: an optional or fixed quantifier last, {0,m} after a greedy one, an unquantified group, DEFINE of a variable not in the pattern
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B?) DEFINE A AS TRUE', '', ''],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A B{2}) DEFINE A AS TRUE', '', ''],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A+ B{0,2} C) DEFINE A AS TRUE', '', ''],
  ['ORDER BY ts MEASURES A.v AS x PATTERN ((A B) C) DEFINE A AS TRUE', '', ''],
  ['ORDER BY ts MEASURES A.v AS x PATTERN (A) DEFINE Z AS TRUE', '', ''],
];

/** Flink's error for the statements (messages of the whole chain), or '' when it runs them. */
async function onFlink(statements: readonly string[], table: string): Promise<string> {
  try {
    await FlinkBridgeClient.connect().run({ statements, sources: { [table]: { changelogMode: table === 'u' ? 'I,UB,UA,D' : 'I', rows: [] } } });
    return '';
  } catch (e) {
    if (!(e instanceof BridgeRequestError)) throw e;
    return `${e.report.message}\n${e.report.rootMessage}`;
  }
}

function locally(sql: string): { code: string; message: string } {
  try {
    runJob(sql, { inputs: {}, engine: 'local' });
    return { code: '', message: '' };
  } catch (e) {
    if (!(e instanceof FlinktsError)) throw e;
    return { code: e.diagnostics[0]!.code, message: e.diagnostics[0]!.message };
  }
}

describe('MATCH_RECOGNIZE refusals agree with Flink 1.20.1', () => {
  test.each(CASES)('%s', async (body, code, message) => {
    const query = `SELECT * FROM t MATCH_RECOGNIZE (${body}) AS m`;
    const local = locally(`${T};\n${query};`);
    expect(local.code).toBe(code);
    if (message !== '') expect(local.message).toContain(message);
    const flink = await onFlink([T, query], 't');
    if (message === '') expect(flink).toBe('');
    else expect(flink).toContain(message);
  }, 120_000);

  test('over an updating input: refused by Flink, by the local runtime and by check (FTS4211)', async () => {
    const query = 'SELECT * FROM u MATCH_RECOGNIZE (ORDER BY ts MEASURES A.v AS x PATTERN (A) DEFINE A AS TRUE) AS m';
    expect(await onFlink([U, query], 'u')).toContain("Match Recognize doesn't support consuming update and delete changes");
    expect(locally(`${U};\n${query};`).message).toContain("Match Recognize doesn't support consuming update and delete changes");
  }, 120_000);
});

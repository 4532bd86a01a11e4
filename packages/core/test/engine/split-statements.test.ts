/** The splitter `flinkts verify` uses before handing statements to Flink's planner. */
import { describe, expect, test } from 'vitest';
import { splitStatements } from '../../src/engine/flink/split-statements.js';

describe('splitStatements (verify)', () => {
  test('a line comment ends at a lone CR as at LF: the next line is a statement, its ; splits', () => {
    const script = "CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\r\n-- c\rSELECT a FROM t;-- x\rSELECT 1;";
    expect(splitStatements(script).map((s) => s.text.trim())).toEqual(["CREATE TABLE t (a INT) WITH ('connector' = 'datagen')", '-- c\rSELECT a FROM t', '-- x\rSELECT 1']);
  });

  test('a piece that is only a CR-ended comment is no statement', () => {
    expect(splitStatements('SELECT 1;\r-- done\r')).toEqual([{ text: 'SELECT 1', offset: 0 }]);
  });
});

/**
 * StreamPark's verdict on a job's script from its statements read one at a time (job-analysis.ts reads a statement
 * that several jobs share once) is the verdict on the joined script: the same problems, at the same lines — and no
 * verdict at all when a statement leaves a quote or comment open, where the joined script must be read whole.
 */
import { describe, expect, test } from 'vitest';
import { streamparkJoinedProblems, streamparkPart, streamparkSqlProblems } from '../src/emit/streampark-sql.js';

/** As emit/printed.ts joins printed statements. */
const joined = (texts: readonly string[]): string => (texts.length === 0 ? '' : `${texts.join('\n\n')}\n`);

const TABLE = "CREATE TEMPORARY TABLE `t` (\n  `a` INT\n)\nWITH (\n  'connector' = 'datagen'\n);";
const INSERT = 'INSERT INTO `s`\nSELECT `a`\nFROM `t`;';
const CASES: readonly (readonly string[])[] = [
  [TABLE, INSERT],
  [TABLE, TABLE, 'CREATE DATABASE IF NOT EXISTS `c`.`d`;', INSERT],
  [TABLE],
  [],
  [TABLE, 'EXECUTE STATEMENT SET\nBEGIN\n' + INSERT + '\nEND;'],
  ['-- a comment line\n' + TABLE, '/* a block\ncomment */\n' + INSERT],
  [TABLE, 'OPTIMIZE TABLE `t`;\nSHOW TABLES;', INSERT, 'FROBNICATE\n  everything;'],
  [TABLE + '\n/* trailing\n  comment */', INSERT],
  ["CREATE TEMPORARY TABLE `t` (\n  `a` STRING COMMENT 'it''s; fine'\n)\nWITH (\n  'connector' = 'datagen'\n);", INSERT],
  [INSERT, 'SELECT 1;\nSELECT 2;'],
];

describe('StreamPark problems from the statements read one at a time', () => {
  test.each(CASES.map((texts, i) => [i, texts] as const))('case %i: the same as the joined script', (_, texts) => {
    expect(streamparkJoinedProblems(texts.map(streamparkPart))).toEqual(streamparkSqlProblems(joined(texts)));
  });

  test('problems keep the line of the joined script', () => {
    const texts = [TABLE, 'FROBNICATE;', INSERT];
    const problems = streamparkJoinedProblems(texts.map(streamparkPart));
    const line = joined(texts).split('\n').indexOf('FROBNICATE;') + 1;
    expect(problems).toEqual([`unsupported sql at line ${line}: FROBNICATE`]);
  });

  test('a statement that leaves a quote or comment open gives no verdict (the script is read whole)', () => {
    // StreamPark's splitter knows no back-quotes: the quote in the identifier opens a literal up to the next one.
    const open = ["CREATE TEMPORARY TABLE `it's` (\n  `a` INT\n)\nWITH (\n  'connector' = 'datagen'\n);", INSERT];
    expect(streamparkJoinedProblems(open.map(streamparkPart))).toBeUndefined();
    expect(streamparkJoinedProblems([TABLE + '\n-- ends in a comment', INSERT].map(streamparkPart))).toBeUndefined();
    expect(streamparkJoinedProblems([TABLE + '\nSELECT 1', INSERT].map(streamparkPart))).toBeUndefined();
    // only the last statement may stay open: nothing follows it
    expect(streamparkJoinedProblems([TABLE, INSERT + '\n-- the end'].map(streamparkPart))).toEqual(streamparkSqlProblems(joined([TABLE, INSERT + '\n-- the end'])));
  });
});

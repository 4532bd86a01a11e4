/** DROP FUNCTION in the script's catalog: a later call of a dropped function is unknown (FTS4404), as in Flink 1.20.1 (test/flink/planner-settings.test.ts). */
import { describe, expect, it } from 'vitest';
import { checkSql } from '../../src/analyzer/check-script.js';
import type { UserFunctionTypes } from '../../src/index.js';

const DDL = "CREATE TABLE s (a STRING) WITH ('connector' = 'datagen');\nCREATE TABLE o (a STRING) WITH ('connector' = 'blackhole');\n";
const TYPES: UserFunctionTypes = new Map([['F', { kind: 'table', columns: [{ name: 'w', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } }] }]]);
const CALL = 'INSERT INTO o SELECT w AS a FROM s, LATERAL TABLE(f(a)) AS x(w);';
const codes = (sql: string): string[] => checkSql(DDL + sql, { functions: TYPES }).filter((d) => d.severity === 'error').map((d) => d.code);

describe('DROP FUNCTION', () => {
  it('a dropped temporary system function is unknown to later statements', () => {
    expect(codes(`CREATE TEMPORARY SYSTEM FUNCTION f AS 'x.F';\n${CALL}`)).toEqual([]);
    expect(codes(`CREATE TEMPORARY SYSTEM FUNCTION f AS 'x.F';\nDROP TEMPORARY SYSTEM FUNCTION f;\n${CALL}`)).toEqual(['FTS4404']);
  });

  it('a dropped catalog function is unknown; one of two functions of the name dropped leaves the other', () => {
    expect(codes(`CREATE FUNCTION f AS 'x.F';\nDROP FUNCTION f;\n${CALL}`)).toEqual(['FTS4404']);
    expect(codes(`CREATE FUNCTION f AS 'x.F';\nCREATE TEMPORARY SYSTEM FUNCTION f AS 'x.F';\nDROP TEMPORARY SYSTEM FUNCTION f;\n${CALL}`)).toEqual([]);
    expect(codes(`CREATE TEMPORARY SYSTEM FUNCTION f AS 'x.F';\nDROP FUNCTION IF EXISTS f;\n${CALL}`)).toEqual([]);
  });
});

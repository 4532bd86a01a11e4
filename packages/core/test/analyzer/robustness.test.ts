/** The analyzer never throws on user input: deep nesting is a diagnostic; CTAS queries are checked like INSERTs. */
import { describe, expect, test } from 'vitest';
import { checkSql } from '../../src/index.js';

const SOURCE = "CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen');\n";

describe('analyzer robustness', () => {
  test('an expression nested thousands of levels deep gives a diagnostic, not a stack overflow', () => {
    const depth = 3000;
    const sql = `${SOURCE}SELECT ${'('.repeat(depth)}id${' + 1)'.repeat(depth)} FROM src;`;
    let diagnostics: ReturnType<typeof checkSql> = [];
    expect(() => (diagnostics = checkSql(sql))).not.toThrow();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error' && typeof d.code === 'string')).toBe(true);
  });

  test('CREATE TABLE … AS SELECT checks the names of its query', () => {
    const ds = checkSql(`${SOURCE}CREATE TABLE copy WITH ('connector' = 'blackhole') AS SELECT nme FROM src;`);
    expect(ds.map((d) => [d.code, d.hint])).toEqual([['FTS4001', "did you mean 'name'?"]]);
  });
});

/**
 * emit/printed.ts prints each statement node once and joins the texts; the result must be exactly core's
 * `printStatements` of the same statements — nested (indented) queries, statement sets, comments and multi-line
 * literals included — and a node printed before is not printed again.
 */
import { describe, expect, test } from 'vitest';
import type { Statement } from '@flinkts/core';
import { parseScript, printStatements } from '@flinkts/core';
import { printedStatement, printedStatements } from '../src/emit/printed.js';

const SCRIPT = `-- orders
CREATE TEMPORARY TABLE orders (id BIGINT, buyer STRING, note STRING, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');
CREATE TEMPORARY TABLE sink (buyer STRING, n BIGINT) WITH ('connector' = 'blackhole');
CREATE TEMPORARY VIEW v AS SELECT buyer, 'two
lines' AS note FROM (SELECT * FROM (SELECT buyer FROM orders WHERE id IN (SELECT id FROM orders WHERE id > 1)) a) b;
EXECUTE STATEMENT SET BEGIN
INSERT INTO sink SELECT buyer, COUNT(*) FROM v GROUP BY buyer;
/* second */ INSERT INTO sink SELECT buyer, COUNT(*) FROM (SELECT buyer FROM orders) x GROUP BY buyer;
END;
SET 'a' = 'b';
`;

describe('printedStatements', () => {
  test('gives the text printStatements gives', () => {
    const { statements } = parseScript(SCRIPT).script;
    expect(statements.length).toBe(5);
    expect(printedStatements(statements)).toBe(printStatements(statements));
    expect(printedStatements(statements.slice(2, 4))).toBe(printStatements(statements.slice(2, 4)));
    expect(printedStatements([])).toBe(printStatements([]));
  });

  test('a node is printed once: the second time its text is the same string', () => {
    const { statements } = parseScript(SCRIPT).script;
    const first = printedStatement(statements[2]!);
    expect(printedStatement(statements[2]!)).toBe(first);
    // a copy of the node is a different key, printed again to the same text
    expect(printedStatement({ ...statements[2]! } as Statement)).toBe(first);
  });
});

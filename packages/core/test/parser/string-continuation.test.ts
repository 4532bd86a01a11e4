/**
 * A string literal continued on the following lines (`'ab'` then `'cde'` on the next line): Flink 1.20.1 joins the
 * fragments (measured with `flinkts verify`: the result is CHAR(5)) and rejects fragments on one line ("String literal
 * continued on same line", at the second fragment). flinkts reads them the same way and prints them as written.
 */
import { describe, expect, test } from 'vitest';
import { checkSql, parseExpression, parseScript, printStatement } from '../../src/index.js';
import { sameAst } from '../../src/internal/index.js';

const TABLES = "CREATE TABLE src (a INT) WITH ('connector' = 'datagen');\nCREATE TABLE snk (s STRING, b BOOLEAN) WITH ('connector' = 'blackhole');\n";

describe('string literals continued on the next line', () => {
  test('the fragments are joined, and kept as written', () => {
    const { expression, diagnostics } = parseExpression("'ab'\n  'cde'");
    expect(diagnostics).toEqual([]);
    expect(expression).toMatchObject({ kind: 'StringLiteral', value: 'abcde', fragments: ['ab', 'cde'] });
    expect(expression!.span).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 2, column: 8 } });
  });

  test("a '--' comment or a comment over several lines may come between; the value is CHAR of the whole length", () => {
    for (const between of [' -- a note\n  ', ' /* a\n note */ ', '\r\n', '\r']) {
      const sql = `${TABLES}INSERT INTO snk SELECT 'x', ABS('ab'${between}'cde') > 0 FROM src;`;
      expect(parseScript(sql).diagnostics).toEqual([]);
      // Flink 1.20.1: "Cannot apply 'ABS' to arguments of type 'ABS(<CHAR(5)>)'".
      expect(checkSql(sql).map((d) => d.message)).toEqual([expect.stringContaining('CHAR(5)')]);
    }
  });

  test('fragments on one line are an error at the second fragment, as in Flink', () => {
    for (const [sql, at] of [[`${TABLES}INSERT INTO snk SELECT 'a' 'b', TRUE FROM src;`, '3:28'], [`${TABLES}INSERT INTO snk SELECT 'x', 'ab' /* c */ 'cde' FROM src;`, '3:42']] as const) {
      const [d] = parseScript(sql).diagnostics;
      expect(d).toMatchObject({ code: 'FTS1001', message: 'a string literal continued on the same line: Flink joins string literals only across a line end' });
      expect(`${d!.span!.start.line}:${d!.span!.start.column}`).toBe(at);
    }
  });

  test("an N'…' literal is not continued (Flink's planner fails on one)", () => {
    expect(parseScript("SELECT N'ab'\n'c' FROM t").diagnostics[0]).toMatchObject({ code: 'FTS1001', message: "expected ';' or the end of the statement but found the string 'c'" });
  });

  test('printed as written: one fragment per line, parsing back to the same tree', () => {
    const { script } = parseScript(`${TABLES}INSERT INTO snk SELECT 'it''s'\n  'cde', TRUE FROM src;`);
    const insert = script.statements[2]!;
    const printed = printStatement(insert);
    expect(printed).toContain("'it''s'\n");
    expect(printed).toMatch(/^\s*'cde',$/m);
    expect(sameAst(parseScript(`${printed};`).script.statements[0], insert)).toBe(true);
  });
});

/**
 * Unicode string literals, as Flink 1.20.1 reads them (each case measured with `flinkts verify`: the types from its
 * "Cannot apply 'ABS' to arguments of type …" message, the errors word for word).
 */
describe("Unicode string literals (U&'…')", () => {
  const literal = (sql: string) => {
    const { expression, diagnostics } = parseExpression(sql);
    expect(diagnostics).toEqual([]);
    return expression as { kind: string; value: string; fragments?: readonly string[]; unicode?: { escape?: string } };
  };

  test('escapes are four hexadecimal digits after the escape character; the escape character doubled is itself', () => {
    expect(literal("U&'\\0041'")).toMatchObject({ kind: 'StringLiteral', value: 'A', fragments: ['\\0041'], unicode: {} });
    expect(literal("u&'\\0041'").value).toBe('A');
    expect(literal("U&'a\\\\b'").value).toBe('a\\b');
    expect(literal("U&'it''s'").value).toBe("it's");
    // A lone surrogate is one UTF-16 unit (CHAR(1) on Flink).
    expect(literal("U&'\\D83D'").value).toBe('\uD83D');
    // Only four digits, read as Java's Integer.parseInt reads them: '+01F' is U+001F, then '600' (CHAR(5) on Flink).
    expect(literal("U&'\\0041\\+01F600'").value).toBe('A\u001F600');
  });

  test('UESCAPE names another escape character, for every fragment continued on the following lines', () => {
    expect(literal("U&'!0041!!' UESCAPE '!'")).toMatchObject({ value: 'A!', unicode: { escape: '!' } });
    expect(literal("U&'!0041'\n 'b' UESCAPE '!'")).toMatchObject({ value: 'Ab', fragments: ['!0041', 'b'], unicode: { escape: '!' } });
    expect(literal("U&'\\0041'\n 'bc'").value).toBe('Abc');
  });

  test("Flink's errors: a short escape, a bad UESCAPE character, a U& fragment after a plain one", () => {
    const error = (sql: string) => parseExpression(sql).diagnostics[0];
    expect(error("U&'\\00'")).toMatchObject({ code: 'FTS1008', message: 'Unicode escape sequence starting at character 0 is not exactly four hex digits' });
    expect(error("U&'\\0041' UESCAPE 'ab'")).toMatchObject({ code: 'FTS1008', message: "UESCAPE 'ab' must be exactly one character" });
    expect(error("U&'\\0041' UESCAPE '+'")).toMatchObject({ code: 'FTS1008', message: "UESCAPE '+' may not be hex digit, whitespace, plus sign, or double quote" });
    expect(error("'ab'\n U&'\\0041'")).toMatchObject({ code: 'FTS1001' });
  });

  test('typed CHAR of the value, and printed as written', () => {
    const sql = `${TABLES}INSERT INTO snk SELECT 'x', ABS(U&'!0041'\n 'b' UESCAPE '!') > 0 FROM src;`;
    expect(checkSql(sql).map((d) => d.message)).toEqual([expect.stringContaining('CHAR(2)')]);
    const insert = parseScript(sql).script.statements[2]!;
    const printed = printStatement(insert);
    expect(printed).toContain("U&'!0041'\n");
    expect(printed).toContain("'b' UESCAPE '!'");
    expect(sameAst(parseScript(`${printed};`).script.statements[0], insert)).toBe(true);
  });
});

/**
 * Binary literals continued on the following lines: Flink 1.20.1's parser (Calcite's BINARY_STRING_LITERAL followed by
 * QUOTED_STRINGs, a LITERAL_CHAIN joined by SqlLiteral.unchain) reads `X'AB'` and `'CD'` on the next line as BINARY(2)
 * 0xABCD; its validator refuses fragments on one line as for character strings.
 */
describe("binary literals continued on the next line (X'…' then '…')", () => {
  test('the hexadecimal fragments are joined, upper-cased, and kept as written', () => {
    const { expression, diagnostics } = parseExpression("X'ab'\n  'cd'");
    expect(diagnostics).toEqual([]);
    expect(expression).toMatchObject({ kind: 'BinaryLiteral', hex: 'ABCD', fragments: ['AB', 'CD'] });
    expect(expression!.span).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 2, column: 7 } });
    expect(parseExpression("x'01' -- one\n'02'\n'0304'").expression).toMatchObject({ hex: '01020304', fragments: ['01', '02', '0304'] });
  });

  test('typed BINARY of the whole length', () => {
    const sql = `${TABLES}INSERT INTO snk SELECT 'x', ABS(X'ab'\n  'cd') > 0 FROM src;`;
    expect(parseScript(sql).diagnostics).toEqual([]);
    expect(checkSql(sql).map((d) => d.message)).toEqual([expect.stringContaining('BINARY(2)')]);
  });

  test('a fragment on the same line, or one that is not pairs of hexadecimal digits, is an error', () => {
    expect(parseExpression("X'ab' 'cd'").diagnostics[0]).toMatchObject({ code: 'FTS1001', message: 'a string literal continued on the same line: Flink joins string literals only across a line end' });
    for (const bad of ['xy', 'abc']) {
      const [d] = parseExpression(`X'ab'\n'${bad}'`).diagnostics;
      expect(d).toMatchObject({ code: 'FTS1008', message: `invalid binary literal: the fragment '${bad}' continuing X'AB' is not an even number of hexadecimal digits` });
      expect(d!.span).toMatchObject({ start: { line: 1, column: 1 } });
    }
  });

  test('printed as written: one fragment per line, parsing back to the same tree', () => {
    const { script } = parseScript(`${TABLES}INSERT INTO snk SELECT CAST(X'ab'\n  'cd' AS STRING), TRUE FROM src;`);
    const insert = script.statements[2]!;
    const printed = printStatement(insert);
    expect(printed).toContain("X'AB'\n");
    expect(printed).toMatch(/^\s*'CD' AS STRING\)/m);
    expect(sameAst(parseScript(`${printed};`).script.statements[0], insert)).toBe(true);
  });
});

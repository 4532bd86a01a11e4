/** `fmt` keeps every statement of a file whatever its line ends (LF, CRLF, CR, mixed), comments included. */
import fc from 'fast-check';
import { parseScript } from '@flinkts/core';
import { sameAst } from '@flinkts/core/internal';
import { expect, test } from 'vitest';
import { formatSql } from '../../src/cli/commands/fmt.js';

const STATEMENTS = [
  "CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'datagen')",
  'SELECT a, b FROM t WHERE a > 1',
  "INSERT INTO k SELECT a, UPPER(b) FROM t",
  "SET 'parallelism.default' = '2'",
  'SELECT CASE a WHEN 1, 2 THEN 0 ELSE 1 END FROM t',
];
const BREAK = fc.constantFrom('\n', '\r\n', '\r');
const COMMENT = fc.constantFrom('', '-- a note', '-- trailing spaces   ', '/* block */');

test('fmt keeps every statement of files with mixed CR / LF / CRLF line ends', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...STATEMENTS), COMMENT, BREAK, BREAK), { minLength: 1, maxLength: 8 }), (parts) => {
      const text = parts.map(([s, c, b1, b2]) => `${c}${c === '' ? '' : b1}${s.replace(/ WHERE /, `${b1}WHERE `)};${b2}`).join('');
      const parsed = parseScript(text);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.script.statements).toHaveLength(parts.length);
      const formatted = formatSql(text, 'mixed.sql');
      expect(formatted.ok ? 'ok' : formatted.errors).toBe('ok');
      if (!formatted.ok) return;
      const again = parseScript(formatted.text);
      expect(again.script.statements).toHaveLength(parts.length);
      expect(sameAst(again.script.statements.map((s) => ({ ...s, comments: undefined })), parsed.script.statements.map((s) => ({ ...s, comments: undefined })))).toBe(true);
      for (const [, c] of parts) if (c !== '') expect(formatted.text).toContain(c.trim());
    }),
    { numRuns: 300, seed: 21 },
  );
});

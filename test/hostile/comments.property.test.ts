/**
 * `fmt` and comments (issue 21): statements with comments between any two tokens — `--` comments (with trailing
 * spaces too) and one-line and multi-line block comments, on the token's line or on lines of their own — all
 * format; every comment is kept, in order, next to the token it was written next to (the token it trails on its
 * line, or the token it leads); every token is kept (the same tree without comments); and formatting the output
 * again changes nothing.
 */
import fc from 'fast-check';
import type { Token } from '@flinkts/core';
import { parseScript } from '@flinkts/core';
import { sameAst, tokenize } from '@flinkts/core/internal';
import { expect, test } from 'vitest';
import { formatSql } from '../../src/cli/commands/fmt.js';
import { anchorComments, withoutComments } from '../../src/cli/format-comments.js';

const STATEMENTS = [
  "CREATE TABLE t (a INT, b STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (a) NOT ENFORCED) WITH ('connector' = 'kafka', 'topic' = 'x')",
  'INSERT INTO k SELECT a, b FROM t1 WHERE a IN (SELECT a FROM t2 WHERE b IS NOT NULL) AND b <> \'x\'',
  'INSERT INTO k SELECT t1.a, COUNT(*) AS n FROM t1 JOIN t2 ON t1.a = t2.a GROUP BY t1.a HAVING COUNT(*) > 1',
  'SELECT CASE a WHEN 1, 2 THEN 0 ELSE 1 END AS c, (a + 1) * 2 FROM t ORDER BY a LIMIT 10',
  "SELECT window_start, SUM(a) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
  'SELECT a FROM t UNION ALL SELECT a FROM (SELECT a FROM t2) AS s',
  "SET 'parallelism.default' = '2'",
];

const COMMENT = fc.constantFrom('-- note', '-- trailing spaces   ', '--', '/* block */', '/* two\n   lines */', '/**/');
const PLACEMENT = fc.constantFrom('same line', 'own line', 'line before and after');

/** The statement with `comments` inserted before the significant tokens at the chosen indexes. */
function withComments(sql: string, inserts: readonly (readonly [number, string, string])[]): string {
  const tokens = tokenize(sql).tokens.filter((t) => t.kind !== 'eof');
  const at = new Map<number, string[]>();
  for (const [i, c, place] of inserts) {
    const index = i % (tokens.length + 1);
    // A `--` comment ends its line: what follows goes on the next one.
    const text = place === 'same line' ? (c.startsWith('--') ? ` ${c}\n` : ` ${c} `) : place === 'own line' ? `\n${c}\n` : `\n\n${c}\n\n`;
    (at.get(index) ?? at.set(index, []).get(index)!).push(text);
  }
  let out = '';
  let last = 0;
  tokens.forEach((t, i) => {
    out += sql.slice(last, t.start.offset) + (at.get(i) ?? []).join('');
    last = t.start.offset;
  });
  return out + sql.slice(last) + (at.get(tokens.length) ?? []).join('');
}

/** Each comment with the token it belongs to (kind, value) and whether it trails it. */
function places(text: string): string[] {
  const { significant, anchors } = anchorComments(tokenize(text).tokens);
  const name = (t: Token | undefined) => (t === undefined ? '(end)' : t.kind === 'word' || t.kind === 'quoted' ? `id:${t.value.toUpperCase()}` : `${t.kind}:${t.value}`);
  return anchors.map((a) => `${a.comment.value.trim()} ${a.trailing ? 'after' : 'before'} ${name(significant[a.token])}`);
}

test('every comment stays next to its token; every token stays; fmt is idempotent', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...STATEMENTS), fc.array(fc.tuple(fc.nat(200), COMMENT, PLACEMENT), { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 3 }),
      (statements) => {
        const text = statements.map(([sql, inserts]) => `${withComments(sql, inserts)};\n`).join('');
        const input = parseScript(text);
        expect(input.diagnostics).toEqual([]);
        const formatted = formatSql(text, 'comments.sql');
        expect(formatted.ok ? 'formatted' : `${formatted.errors}\n${text}`).toBe('formatted');
        if (!formatted.ok) return;
        // Every comment, in order, beside the same token, on the same side.
        expect(places(formatted.text)).toEqual(places(text));
        // Every token: the same tree once the comments are taken out.
        const bare = (t: string) => parseScript(withoutComments(t, tokenize(t).tokens)).script;
        expect(sameAst(bare(formatted.text), bare(text))).toBe(true);
        // Idempotent.
        const again = formatSql(formatted.text, 'comments.sql');
        expect(again.ok ? again.text : again.errors).toBe(formatted.text);
      },
    ),
    { numRuns: 400, seed: 2121 },
  );
}, 180_000);

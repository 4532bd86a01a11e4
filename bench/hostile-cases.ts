/** The hostile-size texts of bench/hostile.bench.ts (issue 21), by name. */

export const T = "CREATE TABLE t (a INT, b INT, s STRING) WITH ('connector' = 'datagen');\nCREATE TABLE k (a INT, b INT, s STRING) WITH ('connector' = 'blackhole');\n";

function statements(n: number): string {
  const out = [T];
  for (let i = 0; i < n; i++) out.push(`INSERT INTO k SELECT a, b + ${i}, s FROM t WHERE a > ${i};\n`);
  return out.join('');
}

/** `n` statements, each with a comment on its own line before it and one after it on its line (fmt's comment path). */
function commentedStatements(n: number): string {
  const out = [T];
  for (let i = 0; i < n; i++) out.push(`-- statement ${i}\nINSERT INTO k SELECT a, b + ${i}, s FROM t WHERE a > ${i}; -- after ${i}\n`);
  return out.join('');
}

/** Each case's text, made when asked (a fresh process makes only the one it runs). */
export function hostileCases(): Record<string, () => string> {
  const tenMb = (): string => statements(Math.ceil(10e6 / 60)).slice(0, 10e6);
  return {
    '100,000 statements': () => statements(100_000),
    // fmt re-attaches comments by their tokens (src/cli/format-comments.ts), one statement at a time: was superlinear
    // (25,000 statements 3.8 s, 50,000 9.8 s) while it held the whole script's tokens.
    '100,000 statements with two comments each': () => commentedStatements(100_000),
    '10 MB script': () => {
      const text = tenMb();
      return text.slice(0, text.lastIndexOf(';') + 1);
    },
    '10,000-term AND chain': () => `${T}INSERT INTO k SELECT a, b, s FROM t WHERE ${Array.from({ length: 10_000 }, (_, i) => `a <> ${i}`).join(' AND ')};`,
    '10,000-way UNION ALL': () => `${T}INSERT INTO k ${Array.from({ length: 10_000 }, () => 'SELECT a, b, s FROM t').join('\nUNION ALL\n')};`,
    // The deepest nesting flinkts takes (MAX_NESTING_DEPTH); formatting it was cubic in depth (11 s at 500 levels).
    '500 nested scalar sub-queries': () => `${T}INSERT INTO k SELECT ${'(SELECT '.repeat(500)}a${' FROM t)'.repeat(500)}, b, s FROM t;`,
    'VALUES with 100,000 rows': () => `${T}INSERT INTO k VALUES ${Array.from({ length: 100_000 }, (_, i) => `(${i}, ${i}, 'v')`).join(',\n')};`,
  };
}

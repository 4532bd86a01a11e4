/**
 * `${NAME}` placeholders (variables and secrets a deployment fills in) replaced by dummy values of the same
 * length before the planner sees a script, so every position it reports is still right: digits when the
 * placeholder is a whole option value whose name reads as a number (`${KAFKA_PORT}`), letters otherwise.
 */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const NUMERIC = /(PORT|SIZE|COUNT|NUM|PARALLELISM|ID|TIMEOUT|INTERVAL|MS|SECONDS|ROWS|BYTES)$/i;

export function fillPlaceholders(sql: string): { readonly text: string; readonly names: readonly string[] } {
  const names: string[] = [];
  const text = sql.replace(PLACEHOLDER, (whole: string, name: string, at: number) => {
    names.push(name);
    const wholeValue = sql[at - 1] === "'" && sql[at + whole.length] === "'";
    if (wholeValue && NUMERIC.test(name)) return `${'0'.repeat(whole.length - 1)}1`;
    return 'x'.repeat(whole.length);
  });
  return { text, names: [...new Set(names)] };
}

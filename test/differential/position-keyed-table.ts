/**
 * The table the aggregation families (mini-batch, split-distinct) read: `t (id, k, v, s, b)` on the values
 * connector, each row keyed by its position. As a changelog (PRIMARY KEY id, `I,UB,UA,D`), every third row is deleted
 * again right after the next one, so the aggregations see retractions.
 */
export function positionKeyedTable(rows: readonly (readonly unknown[])[], changelog: boolean): { readonly ddl: string; readonly input: unknown[] } {
  const ddl = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING, b BIGINT${changelog ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
  const full = rows.map((r, i) => [i, ...r]);
  const input: unknown[] = [];
  full.forEach((r, i) => {
    input.push(changelog ? { kind: '+I', row: r } : r);
    if (changelog && i % 3 === 1) input.push({ kind: '-D', row: full[i - 1] });
  });
  return { ddl, input };
}

/**
 * `CREATE TABLE t (…) WITH (…) LIKE source (INCLUDING … | EXCLUDING … | OVERWRITING …)`: the table as Flink's catalog
 * holds it, the source's definition merged into the new one by Flink 1.20's rules (MergeTableLikeUtil):
 *
 * - the default is `INCLUDING ALL OVERWRITING OPTIONS`; `INCLUDING ALL` / `EXCLUDING ALL` set every feature, and a
 *   feature named after it sets that one;
 * - physical columns always come from the source, first; a new column of the same name is an error;
 * - computed (GENERATED) and METADATA columns, the watermark, the options and the partitions are taken from the
 *   source when INCLUDING (a definition in both is an error) or OVERWRITING (the new one wins; a watermark only on
 *   the same column), not when EXCLUDING;
 * - the primary key (CONSTRAINTS) is taken when INCLUDING; both tables declaring one is an error.
 */
import { LIKE_OPTION_TARGETS } from '../ast/statement.js';
import type { ColumnDefinition, CreateTable, LikeOption, LikeOptionTarget, OptionEntry } from '../ast/statement.js';

export type Feature = Exclude<LikeOptionTarget, 'ALL'>;
type Mode = LikeOption['mode'];
const FEATURES: readonly Feature[] = LIKE_OPTION_TARGETS.filter((t): t is Feature => t !== 'ALL');

/** What Flink rejects in a LIKE clause (FTS4016's payload): `table` is the LIKE clause's source. */
export type LikeConflict =
  | { readonly conflict: 'view'; readonly table: string }
  | { readonly conflict: 'column'; readonly table: string; readonly column: string; readonly feature: Feature | 'PHYSICAL' }
  | { readonly conflict: 'feature'; readonly table: string; readonly feature: Feature; readonly what: string }
  | { readonly conflict: 'watermark'; readonly table: string; readonly sourceColumn: string; readonly column: string }
  | { readonly conflict: 'option'; readonly table: string; readonly key: string };

/**
 * `unknown`: the source is not declared (FTS4002, with the names it is declared as and the known names);
 * `rejected`: Flink rejects the LIKE clause (a view, a conflict: FTS4016).
 */
export type LikeProblem =
  | { readonly kind: 'unknown'; readonly path: string; readonly declaredAs: readonly string[]; readonly known: readonly string[] }
  | { readonly kind: 'rejected'; readonly conflict: LikeConflict };

function modes(statement: CreateTable): ReadonlyMap<Feature, Mode> {
  const m = new Map<Feature, Mode>(FEATURES.map((f) => [f, f === 'OPTIONS' ? 'OVERWRITING' : 'INCLUDING']));
  for (const o of statement.like?.options ?? []) {
    if (o.target === 'ALL') for (const f of FEATURES) m.set(f, o.mode);
    else m.set(o.target, o.mode);
  }
  return m;
}

/** `source`'s definition merged into `statement` (which has a LIKE clause), and what Flink rejects in the merge. */
export function mergeLike(statement: CreateTable, source: CreateTable): { readonly table: CreateTable; readonly problems: readonly LikeProblem[] } {
  const mode = modes(statement);
  const problems: LikeProblem[] = [];
  const name = source.path.join('.');
  const columns: ColumnDefinition[] = [];
  const kindOf = (c: ColumnDefinition): Feature | 'PHYSICAL' => (c.kind === 'ComputedColumn' ? 'GENERATED' : c.kind === 'MetadataColumn' ? 'METADATA' : 'PHYSICAL');
  for (const c of source.columns) {
    const k = kindOf(c);
    if (k === 'PHYSICAL' || mode.get(k) !== 'EXCLUDING') columns.push(c);
  }
  for (const c of statement.columns) {
    const at = columns.findIndex((x) => x.name === c.name);
    if (at < 0) {
      columns.push(c);
      continue;
    }
    const k = kindOf(columns[at]!);
    if (k !== 'PHYSICAL' && kindOf(c) === k && mode.get(k) === 'OVERWRITING') columns[at] = c;
    else {
      problems.push({ kind: 'rejected', conflict: { conflict: 'column', table: name, column: c.name, feature: k } });
    }
  }
  const pick = <T>(feature: Feature, what: string, own: T | undefined, base: T | undefined): T | undefined => {
    const m = mode.get(feature);
    if (m === 'EXCLUDING' || base === undefined) return own;
    if (own === undefined) return base;
    if (m === 'OVERWRITING' && feature !== 'CONSTRAINTS') return own;
    problems.push({ kind: 'rejected', conflict: { conflict: 'feature', table: name, feature, what } });
    return own;
  };
  // OVERWRITING replaces the source's watermark on the same column only; one on another column would be a second
  // watermark, which Flink 1.20.1 rejects ("Multiple watermark definitions are not supported yet")
  const otherColumn = statement.watermark !== undefined && source.watermark !== undefined && statement.watermark.column !== source.watermark.column;
  const watermark = otherColumn && mode.get('WATERMARKS') === 'OVERWRITING'
    ? (problems.push({ kind: 'rejected', conflict: { conflict: 'watermark', table: name, sourceColumn: source.watermark!.column, column: statement.watermark!.column } }), statement.watermark)
    : pick('WATERMARKS', `a watermark (on '${source.watermark?.column ?? ''}')`, statement.watermark, source.watermark);
  const primaryKey = pick('CONSTRAINTS', 'a primary key', statement.primaryKey, source.primaryKey);
  const partitionedBy = pick('PARTITIONS', 'partitions', statement.partitionedBy.length > 0 ? statement.partitionedBy : undefined, source.partitionedBy.length > 0 ? source.partitionedBy : undefined) ?? [];
  const distribution = pick('DISTRIBUTION', 'a distribution', statement.distribution, source.distribution);
  const options: OptionEntry[] = [];
  const optionMode = mode.get('OPTIONS');
  if (optionMode !== 'EXCLUDING') options.push(...source.options);
  for (const o of statement.options) {
    const at = options.findIndex((x) => x.key === o.key);
    if (at < 0) options.push(o);
    else if (optionMode === 'OVERWRITING') options[at] = o;
    else problems.push({ kind: 'rejected', conflict: { conflict: 'option', table: name, key: o.key } });
  }
  const { like: _like, ...rest } = statement;
  const table: CreateTable = Object.freeze({
    ...rest,
    columns,
    partitionedBy,
    options,
    ...(watermark === undefined ? {} : { watermark }),
    ...(primaryKey === undefined ? {} : { primaryKey }),
    ...(distribution === undefined ? {} : { distribution }),
  });
  return { table, problems };
}

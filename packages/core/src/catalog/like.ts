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
import type { ColumnDefinition, CreateTable, LikeOptionTarget, OptionEntry } from '../ast/statement.js';

type Feature = Exclude<LikeOptionTarget, 'ALL'>;
type Mode = 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING';
const FEATURES: readonly Feature[] = ['CONSTRAINTS', 'DISTRIBUTION', 'GENERATED', 'METADATA', 'OPTIONS', 'PARTITIONS', 'WATERMARKS'];

export interface LikeProblem {
  /** `unknown`: the source is not declared; `rejected`: Flink rejects the LIKE clause (a view, a conflict). */
  readonly kind: 'unknown' | 'rejected';
  readonly message: string;
  readonly hint: string;
}

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
      problems.push({
        kind: 'rejected',
        message: `A column named '${c.name}' already exists in the table '${name}' of the LIKE clause`,
        hint: k === 'PHYSICAL' ? 'give the new column another name: the source\'s physical columns are always taken' : `give it another name, or write OVERWRITING ${k} (or EXCLUDING ${k})`,
      });
    }
  }
  const pick = <T>(feature: Feature, what: string, own: T | undefined, base: T | undefined): T | undefined => {
    const m = mode.get(feature);
    if (m === 'EXCLUDING' || base === undefined) return own;
    if (own === undefined) return base;
    if (m === 'OVERWRITING' && feature !== 'CONSTRAINTS') return own;
    problems.push({ kind: 'rejected', message: `The table '${name}' of the LIKE clause already has ${what}`, hint: feature === 'CONSTRAINTS' ? 'write EXCLUDING CONSTRAINTS to declare another primary key' : `write EXCLUDING ${feature} or OVERWRITING ${feature}` });
    return own;
  };
  // OVERWRITING replaces the source's watermark on the same column only; one on another column would be a second
  // watermark, which Flink 1.20.1 rejects ("Multiple watermark definitions are not supported yet")
  const otherColumn = statement.watermark !== undefined && source.watermark !== undefined && statement.watermark.column !== source.watermark.column;
  const watermark = otherColumn && mode.get('WATERMARKS') === 'OVERWRITING'
    ? (problems.push({ kind: 'rejected', message: `The table '${name}' of the LIKE clause has a watermark on '${source.watermark!.column}' and this one on '${statement.watermark!.column}': Flink does not support multiple watermark definitions`, hint: 'write EXCLUDING WATERMARKS, or put the watermark on the same column' }), statement.watermark)
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
    else problems.push({ kind: 'rejected', message: `The table '${name}' of the LIKE clause already has the option '${o.key}'`, hint: `write OVERWRITING OPTIONS to replace it, or EXCLUDING OPTIONS` });
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

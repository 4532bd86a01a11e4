/**
 * fast-check generators for differential cases: a table with a key column `k` and typed value columns, fixture
 * rows (NULLs, extremes, unicode; for changelog tables updates and deletes of earlier rows), and a query over it —
 * a projection of expressions over the function registry, a filter, or a group aggregation.
 */
import fc from 'fast-check';

export type ColType = 'INT' | 'BIGINT' | 'STRING' | 'DOUBLE' | 'DECIMAL(10, 2)' | 'BOOLEAN';

export interface DiffCase {
  readonly kind: 'project' | 'filter' | 'aggregate';
  readonly columns: readonly { readonly name: string; readonly type: ColType }[];
  /** Whether the source is a changelog (PRIMARY KEY k, -U/+U/-D rows). */
  readonly changelog: boolean;
  readonly rows: readonly { readonly kind: '+I' | '-U' | '+U' | '-D'; readonly values: readonly unknown[] }[];
  /** The SELECT list (project / filter) or the aggregates (aggregate). */
  readonly exprs: readonly string[];
  readonly where?: string;
}

const INT = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.constantFrom(2147483647, -2147483648, 0, 100));
const BIGINT = fc.oneof(fc.constant(null), fc.bigInt({ min: -5n, max: 5n }), fc.constantFrom(9223372036854775807n, -9223372036854775808n, 1000000000000n));
const STRING = fc.oneof(fc.constant(null), fc.constantFrom('', 'a', 'Hello', ' x ', 'ÄÖü', '数学', '😀', 'a,b', '123', '-7', '1.5', 'true'), fc.string({ maxLength: 4 }));
const DOUBLE = fc.oneof(fc.constant(null), fc.constantFrom(0, -0.5, 1.5, 3, 1e10, -2.25, 0.1));
const DECIMAL = fc.oneof(fc.constant(null), fc.constantFrom('0.00', '1.50', '-2.25', '99999999.99', '-0.01', '10.00'));
const BOOLEAN = fc.oneof(fc.constant(null), fc.boolean());

const VALUE: Record<ColType, fc.Arbitrary<unknown>> = { INT, BIGINT, STRING, DOUBLE, 'DECIMAL(10, 2)': DECIMAL, BOOLEAN };

const numeric = (t: ColType) => t === 'INT' || t === 'BIGINT' || t === 'DOUBLE' || t === 'DECIMAL(10, 2)';

/** An expression over the columns, from a small grammar over the function registry. */
function expr(cols: readonly { name: string; type: ColType }[]): fc.Arbitrary<string> {
  const ref = (pred: (t: ColType) => boolean) => {
    const names = cols.filter((c) => pred(c.type)).map((c) => `\`${c.name}\``);
    return names.length === 0 ? undefined : fc.constantFrom(...names);
  };
  const num = ref(numeric) ?? fc.constant('1');
  const intish = ref((t) => t === 'INT' || t === 'BIGINT') ?? fc.constant('2');
  const str = ref((t) => t === 'STRING') ?? fc.constant("'s'");
  const bool = ref((t) => t === 'BOOLEAN') ?? fc.constant('TRUE');
  const any = ref(() => true) ?? fc.constant('1');
  const lit = fc.constantFrom('0', '1', '-3', '2.5', "'ab'", 'NULL');
  return fc.oneof(
    fc.tuple(num, fc.constantFrom('+', '-', '*'), num).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(intish, intish).map(([a, b]) => `MOD(${a}, NULLIF(${b}, 0))`),
    fc.tuple(num).map(([a]) => `ABS(${a})`),
    fc.tuple(num, fc.constantFrom('<', '<=', '=', '<>', '>')).map(([a, op]) => `${a} ${op} 1`),
    fc.tuple(any).map(([a]) => `${a} IS NULL`),
    fc.tuple(any, lit).map(([a, l]) => `COALESCE(CAST(${a} AS STRING), CAST(${l} AS STRING))`),
    fc.tuple(str).map(([a]) => `UPPER(${a})`),
    fc.tuple(str).map(([a]) => `CHAR_LENGTH(${a})`),
    fc.tuple(str, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([a, f, n]) => `SUBSTRING(${a} FROM ${f} FOR ${n})`),
    fc.tuple(str, str).map(([a, b]) => `CONCAT(${a}, '-', ${b})`),
    fc.tuple(str).map(([a]) => `TRIM(${a})`),
    fc.tuple(str).map(([a]) => `TRY_CAST(${a} AS INT)`),
    fc.tuple(num).map(([a]) => `CAST(${a} AS STRING)`),
    fc.tuple(num).map(([a]) => `CAST(${a} AS DECIMAL(12, 3))`),
    fc.tuple(bool, num, num).map(([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b} END`),
    fc.tuple(num, num).map(([a, b]) => `GREATEST(${a}, ${b})`),
    fc.tuple(intish).map(([a]) => `${a} / 2`),
    fc.tuple(str).map(([a]) => `${a} LIKE '%a%'`),
  );
}

function aggregate(cols: readonly { name: string; type: ColType }[]): fc.Arbitrary<string> {
  const numCols = cols.filter((c) => numeric(c.type)).map((c) => `\`${c.name}\``);
  const anyCols = cols.map((c) => `\`${c.name}\``);
  const options: fc.Arbitrary<string>[] = [fc.constant('COUNT(*)'), fc.constantFrom(...anyCols).map((c) => `COUNT(${c})`), fc.constantFrom(...anyCols).map((c) => `COUNT(DISTINCT ${c})`)];
  if (numCols.length > 0) options.push(fc.tuple(fc.constantFrom('SUM', 'MIN', 'MAX'), fc.constantFrom(...numCols)).map(([f, c]) => `${f}(${c})`));
  const strCols = cols.filter((c) => c.type === 'STRING').map((c) => `\`${c.name}\``);
  if (strCols.length > 0) options.push(fc.tuple(fc.constantFrom('MIN', 'MAX'), fc.constantFrom(...strCols)).map(([f, c]) => `${f}(${c})`));
  return fc.oneof(...options);
}

export const diffCase: fc.Arbitrary<DiffCase> = fc
  .record({
    kind: fc.constantFrom('project' as const, 'filter' as const, 'aggregate' as const),
    types: fc.array(fc.constantFrom<ColType>('INT', 'BIGINT', 'STRING', 'DOUBLE', 'DECIMAL(10, 2)', 'BOOLEAN'), { minLength: 1, maxLength: 3 }),
    changelog: fc.boolean(),
  })
  .chain(({ kind, types, changelog }) => {
    const columns = types.map((type, i) => ({ name: `c${i}`, type }));
    const row = fc.tuple(fc.integer({ min: 1, max: 4 }), ...columns.map((c) => VALUE[c.type])).map(([k, ...v]) => [k, ...v]);
    const rows = fc.array(row, { minLength: 0, maxLength: 6 }).chain((inserts) => {
      if (!changelog) return fc.constant(inserts.map((values) => ({ kind: '+I' as const, values })));
      // a changelog keyed by k: the latest row per key may be updated or deleted
      return fc.array(fc.tuple(fc.constantFrom('update', 'delete', 'keep'), row), { maxLength: 3 }).map((ops) => {
        const out: { kind: '+I' | '-U' | '+U' | '-D'; values: unknown[] }[] = [];
        const live = new Map<number, unknown[]>();
        for (const v of inserts) {
          const k = v[0] as number;
          const old = live.get(k);
          if (old) out.push({ kind: '-U', values: old }, { kind: '+U', values: v });
          else out.push({ kind: '+I', values: v });
          live.set(k, v);
        }
        for (const [op, v] of ops) {
          const k = v[0] as number;
          const old = live.get(k);
          if (!old || op === 'keep') continue;
          if (op === 'delete') {
            out.push({ kind: '-D', values: old });
            live.delete(k);
          } else {
            out.push({ kind: '-U', values: old }, { kind: '+U', values: v });
            live.set(k, v);
          }
        }
        return out;
      });
    });
    const exprs = kind === 'aggregate' ? fc.array(aggregate(columns), { minLength: 1, maxLength: 3 }) : fc.array(expr(columns), { minLength: 1, maxLength: 3 });
    const where = kind === 'filter' ? expr(columns).filter((e) => /\b(IS NULL|LIKE)\b|[<>=]/.test(e) && !/^(CASE|COALESCE|CAST|CONCAT|GREATEST)/.test(e)) : fc.constant(undefined);
    return fc.record({ rows, exprs, where }).map(({ rows: rs, exprs: es, where: w }) => ({ kind, columns, changelog, rows: rs, exprs: es, ...(w === undefined ? {} : { where: w }) }));
  });

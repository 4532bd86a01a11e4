/**
 * Builder benchmark: build and compile the same query — a 3-table join, a filter, a GROUP BY and 10 selected
 * columns — with flinkts (typed builders → AST → Flink SQL text) and with Kysely (query builder → compile() to
 * MySQL text), alternating rounds in one process. Prints ops/s for both and the ratio. Target: flinkts ≥ 2x Kysely.
 */
import { DummyDriver, Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler } from 'kysely';
import { fn, from, genericConnector, printQuery, t, table } from '../packages/core/src/index.js';

// flinkts --------------------------------------------------------------------------------------------------

const orders = table('orders', {
  columns: { id: t.bigint(), user_id: t.bigint(), product_id: t.bigint(), status: t.string(), amount: t.decimal(10, 2), quantity: t.int(), ts: t.timestamp(3) },
  connector: genericConnector('datagen'),
});
const users = table('users', {
  columns: { id: t.bigint(), name: t.string(), country: t.string(), tier: t.string() },
  connector: genericConnector('datagen'),
});
const products = table('products', {
  columns: { id: t.bigint(), category: t.string(), brand: t.string(), price: t.decimal(10, 2) },
  connector: genericConnector('datagen'),
});

/** The typed builder chain alone (no printing). */
export function flinktsBuild() {
  return from(orders, 'o')
    .join(users, 'u', ({ o, u }) => o.user_id.eq(u.id))
    .join(products, 'p', ({ o, p }) => o.product_id.eq(p.id))
    .where(({ o, u }) => o.status.eq('paid').and(o.amount.gt(100)).and(u.country.neq('XX')))
    .groupBy(({ u, p }) => [u.id, u.name, u.country, u.tier, p.category, p.brand])
    .select(({ o, u, p }) => ({
      user_id: u.id,
      name: u.name,
      country: u.country,
      tier: u.tier,
      category: p.category,
      brand: p.brand,
      orders: fn.count(),
      total: fn.sum(o.amount),
      items: fn.sum(o.quantity),
      last_ts: fn.max(o.ts),
    }));
}

export function flinktsQuery(): string {
  return printQuery(flinktsBuild().query);
}

// Kysely ---------------------------------------------------------------------------------------------------

interface Database {
  orders: { id: number; user_id: number; product_id: number; status: string; amount: number; quantity: number; ts: Date };
  users: { id: number; name: string; country: string; tier: string };
  products: { id: number; category: string; brand: string; price: number };
}

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new MysqlAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new MysqlIntrospector(k),
    createQueryCompiler: () => new MysqlQueryCompiler(),
  },
});

export function kyselyQuery(): string {
  return db
    .selectFrom('orders as o')
    .innerJoin('users as u', 'o.user_id', 'u.id')
    .innerJoin('products as p', 'o.product_id', 'p.id')
    .where((eb) => eb.and([eb('o.status', '=', 'paid'), eb('o.amount', '>', 100), eb('u.country', '<>', 'XX')]))
    .groupBy(['u.id', 'u.name', 'u.country', 'u.tier', 'p.category', 'p.brand'])
    .select((eb) => [
      'u.id as user_id',
      'u.name as name',
      'u.country as country',
      'u.tier as tier',
      'p.category as category',
      'p.brand as brand',
      eb.fn.countAll().as('orders'),
      eb.fn.sum('o.amount').as('total'),
      eb.fn.sum('o.quantity').as('items'),
      eb.fn.max('o.ts').as('last_ts'),
    ])
    .compile().sql;
}

// Measurement ----------------------------------------------------------------------------------------------

let sink = 0;
/** Operations per second of `f` over about `ms` milliseconds. */
function opsPerSecond(f: () => string, ms: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) sink += f().length;
    n += 200;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export async function run(): Promise<void> {
  console.log('query: 3-table join, filter, GROUP BY, 10 selected columns; build + compile to SQL text\n');
  console.log(`flinkts:\n${flinktsQuery()}\n`);
  console.log(`kysely:\n${kyselyQuery()}\n`);
  for (let i = 0; i < 3; i++) {
    // warm-up: let both reach their optimised code before measuring
    opsPerSecond(flinktsQuery, 300);
    opsPerSecond(kyselyQuery, 300);
  }
  // Rounds alternate between the two so that load from other processes hits both alike; the ratio is the
  // median of the per-round ratios.
  const f: number[] = [];
  const k: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 7; round++) {
    f.push(opsPerSecond(flinktsQuery, 300));
    k.push(opsPerSecond(kyselyQuery, 300));
    ratios.push(f[round]! / k[round]!);
  }
  const ratio = median(ratios);
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`flinkts  ${fmt(median(f)).padStart(10)} ops/s   (median of ${f.length} alternating rounds)`);
  console.log(`kysely   ${fmt(median(k)).padStart(10)} ops/s`);
  console.log(`ratio    ${ratio.toFixed(2)}x Kysely (median of per-round ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})   target ≥ 2x: ${ratio >= 2 ? 'met' : 'NOT met'}`);
  if (sink < 0) console.log(sink);
}

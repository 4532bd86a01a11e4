/**
 * The files `flinkts init` writes: a pipeline repo with one Kafka source, one JDBC (MySQL) sink, one job with a
 * one-minute tumbling window, two environments (dev, prod), a strict tsconfig, a unit test on the local runtime,
 * and a README. Tool versions come from flinkts's own package.json (the versions flinkts is tested with).
 */
export interface TemplateVersions {
  readonly flinkts: string;
  readonly typescript: string;
  readonly vitest: string;
  readonly typesNode: string;
}

export interface TemplateFile {
  readonly path: string;
  readonly content: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const CONFIG = `/**
 * The pipeline: which jobs exist, which tables they use, where they are deployed and with which values.
 * \`npx flinkts check\` checks it like Flink's planner would; \`npx flinkts build\` writes every environment's
 * artifacts under dist/. See README.md.
 */
import { insertInto, job, pipeline } from 'flinkts';
import { ordersPerMinute } from './src/queries.js';
import { orders, userMinuteTotals } from './src/tables.js';

/** One INSERT: orders per user and minute into MySQL. */
export const userTotals = job('user-minute-totals', {
  description: 'orders per user and minute, from Kafka into MySQL',
  statements: insertInto(userMinuteTotals, ordersPerMinute),
  parallelism: 2,
  settings: { 'execution.checkpointing.interval': '60s' },
});

export default pipeline({
  name: '__NAME__',
  jobs: [userTotals],
  tables: [orders, userMinuteTotals],
  variables: {
    KAFKA_SERVERS: 'bootstrap servers of the Kafka cluster with the orders topic',
    MYSQL_URL: 'JDBC URL of the reporting database',
  },
  secrets: {
    MYSQL_USER: 'user that writes user_minute_totals',
    MYSQL_PASSWORD: "that user's password",
  },
  targets: { sql: {} },
  environments: {
    dev: {
      variables: { KAFKA_SERVERS: 'localhost:9092', MYSQL_URL: 'jdbc:mysql://localhost:3306/reporting' },
      jobs: { 'user-minute-totals': { parallelism: 1 } },
    },
    prod: {
      variables: { KAFKA_SERVERS: 'kafka-1.prod:9092,kafka-2.prod:9092', MYSQL_URL: 'jdbc:mysql://mysql.prod:3306/reporting' },
    },
  },
});
`;

const TABLES = `/** The tables the pipeline reads and writes, with their connectors (options are checked as you type). */
import { jdbc, json, kafka, secret, t, table, interval } from 'flinkts';

/** Orders as JSON events on Kafka; \`ts\` is the event time, with a watermark 5 seconds behind it. */
export const orders = table('orders', {
  columns: {
    order_id: t.bigint().notNull(),
    user_id: t.bigint().notNull(),
    amount: t.decimal(10, 2),
    ts: t.timestamp(3),
  },
  watermark: { column: 'ts', delay: interval('5', 'SECOND') },
  connector: kafka({
    topic: 'orders',
    'properties.bootstrap.servers': '\${KAFKA_SERVERS}',
    'properties.group.id': 'user-minute-totals',
    'scan.startup.mode': 'group-offsets',
    format: json(),
  }),
});

/** Per user and minute: how many orders and how much. The primary key makes the JDBC sink upsert. */
export const userMinuteTotals = table('user_minute_totals', {
  columns: {
    user_id: t.bigint().notNull(),
    window_start: t.timestamp(3).notNull(),
    order_count: t.bigint().notNull(),
    amount: t.decimal(38, 2),
  },
  primaryKey: ['user_id', 'window_start'],
  connector: jdbc({
    url: '\${MYSQL_URL}',
    'table-name': 'user_minute_totals',
    username: secret('MYSQL_USER'),
    password: secret('MYSQL_PASSWORD'),
  }),
});
`;

const QUERIES = `/** The transformation, typed: a misspelt column or a value the sink column cannot take does not compile. */
import { fn, from, interval, tumble } from 'flinkts';
import { orders } from './tables.js';

/** Orders per user in one-minute tumbling windows of event time. */
export const ordersPerMinute = from(tumble(orders, { timecol: 'ts', size: interval('1', 'MINUTE') }), 'w')
  .groupBy(({ w }) => [w.user_id, w.window_start, w.window_end])
  .select(({ w }) => ({
    user_id: w.user_id,
    window_start: w.window_start,
    order_count: fn.count(),
    amount: fn.sum(w.amount),
  }));
`;

const TEST = `/** The job on flinkts's local runtime: Flink's semantics, no cluster, milliseconds per test. */
import { describe, expect, it } from 'vitest';
import 'flinkts/vitest';
import { rowsOf, runJob } from 'flinkts/testing';
import { userTotals } from '../flinkts.config.js';
import { orders, userMinuteTotals } from '../src/tables.js';

const run = (entries: Parameters<typeof rowsOf<typeof orders>>[1]) =>
  runJob([orders, userMinuteTotals, ...userTotals.inserts], { inputs: rowsOf(orders, entries) });

describe('user-minute-totals', () => {
  it('counts and sums each user\\'s orders per minute, when the watermark passes the end of the minute; late orders are dropped', () => {
    const result = run([
      { order_id: 1n, user_id: 7n, amount: '10.00', ts: '2024-01-01 10:00:05' },
      { order_id: 2n, user_id: 7n, amount: '2.50', ts: '2024-01-01 10:00:40' },
      { order_id: 3n, user_id: 8n, amount: '1.00', ts: '2024-01-01 10:00:59' },
      { watermark: '2024-01-01 10:01:00' }, // closes the window 10:00–10:01
      { order_id: 4n, user_id: 8n, amount: '9.99', ts: '2024-01-01 10:00:30' }, // late: its window has fired, Flink drops it
      { order_id: 5n, user_id: 7n, amount: '4.00', ts: '2024-01-01 10:01:30' }, // fires at the end of the input
    ]);
    expect(result.sink('user_minute_totals')).toHaveChangelog([
      '+I[7, 2024-01-01T10:00, 2, 12.50]',
      '+I[8, 2024-01-01T10:00, 1, 1.00]',
      '+I[7, 2024-01-01T10:01, 1, 4.00]',
    ], { ordered: false });
  });
});
`;

const README = `# __NAME__

A Flink SQL pipeline written with [flinkts](https://www.npmjs.com/package/flinkts): tables, connectors and the
transformation are typed TypeScript, checked like Flink's planner would check them, unit-tested on a local runtime
with Flink's semantics, and compiled to Flink SQL scripts.

| file | what |
|---|---|
| \`src/tables.ts\` | the Kafka source \`orders\` and the MySQL sink \`user_minute_totals\` |
| \`src/queries.ts\` | orders per user and minute (a tumbling window on event time) |
| \`flinkts.config.ts\` | the job, its settings, and the environments \`dev\` and \`prod\` with their variables |
| \`test/user-minute-totals.test.ts\` | the job on the local runtime, with a watermark closing the window |

## Commands

\`\`\`sh
npm install
npm test                        # tsc --noEmit (type errors are pipeline errors) + the unit tests
npx flinkts check               # the whole pipeline, every environment, as Flink's planner would see it
npx flinkts build               # dist/<env>/sql/<job>.sql for dev and prod (nothing written on errors)
npx flinkts print user-minute-totals --env prod   # one job's SQL
\`\`\`

Secrets (\`MYSQL_USER\`, \`MYSQL_PASSWORD\`) are written as \`\${NAME}\` placeholders for the platform to fill in;
their values never appear in the artifacts.
`;

export function templateFiles(name: string, v: TemplateVersions): TemplateFile[] {
  const fill = (text: string): string => text.replaceAll('__NAME__', name);
  return [
    {
      path: 'package.json',
      content: json({
        name,
        version: '0.1.0',
        private: true,
        type: 'module',
        scripts: { check: 'flinkts check .', build: 'flinkts build', test: 'tsc --noEmit && vitest run' },
        dependencies: { flinkts: v.flinkts },
        devDependencies: { '@types/node': v.typesNode, typescript: v.typescript, vitest: v.vitest },
      }),
    },
    {
      path: 'tsconfig.json',
      content: json({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          skipLibCheck: false,
          noEmit: true,
          types: ['node'],
        },
        include: ['flinkts.config.ts', 'src', 'test'],
      }),
    },
    { path: '.gitignore', content: 'node_modules/\ndist/\n' },
    { path: 'flinkts.config.ts', content: fill(CONFIG) },
    { path: 'src/tables.ts', content: TABLES },
    { path: 'src/queries.ts', content: QUERIES },
    { path: 'test/user-minute-totals.test.ts', content: TEST },
    { path: 'README.md', content: fill(README) },
  ];
}

/**
 * Generates a synthetic pipeline repo for the scale benchmark: `tables` tables (40 % sources on Kafka, Paimon and
 * JDBC; 60 % sinks on Paimon, JDBC and StarRocks, keyed), 10–30 columns each, and `0.3 × tables` jobs of 1–3
 * INSERTs each (a filter, a join of two sources, or a GROUP BY aggregation), in 3 environments with their own
 * variables. Deterministic: the same size gives the same files. The files are plain flinkts user code.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Column `cN` (N ≥ 1) has type `TYPES[(N - 1) % 6]`; c0 is a NOT NULL BIGINT key everywhere. */
const TYPES = ['t.string()', 't.int()', 't.decimal(10, 2)', 't.timestamp(3)', 't.double()', 't.bigint()'] as const;
const SOURCE_CONNECTORS = ['kafka', 'paimon', 'jdbc'] as const;
const SINK_CONNECTORS = ['paimon', 'jdbc', 'starrocks'] as const;

export interface ScaleShape {
  readonly tables: number;
  readonly sources: number;
  readonly sinks: number;
  readonly jobs: number;
  readonly inserts: number;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const columnCount = (i: number): number => 10 + ((i * 7) % 21);

function tableCode(name: string, columns: number, connector: string, layer: 'ods' | 'dwd', keyed: boolean, nullableKey = false): string {
  const cols = range(columns).map((c) => `    c${c}: ${c === 0 ? (nullableKey ? 't.bigint()' : 't.bigint().notNull()') : TYPES[(c - 1) % TYPES.length]},`).join('\n');
  const where =
    connector === 'paimon'
      ? `  catalog: 'lake',\n  database: '${layer}',\n  ifNotExists: true,\n  connector: paimon({ bucket: 4, 'changelog-producer': 'input' }),`
      : connector === 'kafka'
        ? `  temporary: true,\n  connector: kafka({ topic: '${name}', 'properties.bootstrap.servers': '\${KAFKA_SERVERS}', 'properties.group.id': 'scale', 'scan.startup.mode': 'group-offsets', format: json() }),`
        : connector === 'jdbc'
          ? `  temporary: true,\n  connector: jdbc({ url: '\${MYSQL_URL}', 'table-name': '${name}', username: secret('MYSQL_USER'), password: secret('MYSQL_PASSWORD') }),`
          : `  temporary: true,\n  connector: starrocks({ 'jdbc-url': '\${STARROCKS_JDBC}', 'load-url': '\${STARROCKS_LOAD}', 'database-name': 'dw', 'table-name': '${name}', username: secret('SR_USER'), password: secret('SR_PASSWORD') }),`;
  return `export const ${name} = table('${name}', {\n  columns: {\n${cols}\n  },\n${keyed ? "  primaryKey: ['c0'],\n" : ''}  layer: '${layer}',\n${where}\n});\n`;
}

export function generateScalePipeline(dir: string, tables: number): ScaleShape {
  const sourceCount = Math.round(tables * 0.4);
  const sinkCount = tables - sourceCount;
  const jobCount = Math.round(tables * 0.3);
  const sources = range(sourceCount).map((i) => ({ name: `src_${i}`, columns: columnCount(i), connector: SOURCE_CONNECTORS[i % SOURCE_CONNECTORS.length]! }));
  // Insert m reads source m % sources (and the next one for joins) and writes sink m, with that source's schema.
  const insertsPerJob = range(jobCount).map((k) => 1 + (k % 3));
  const totalInserts = Math.min(sinkCount, insertsPerJob.reduce((a, b) => a + b, 0));
  const tableFiles: string[] = [];
  const header = "import { catalog, t, table } from 'flinkts';\nimport { jdbc, json, kafka, paimon, paimonCatalog, secret, starrocks } from 'flinkts';\n\n";
  const sourceCode = sources.map((s) => tableCode(s.name, s.columns, s.connector, 'ods', s.connector === 'paimon', s.connector === 'kafka' && false));
  const sinkCode = range(sinkCount).map((m) => {
    const src = sources[m % sourceCount]!;
    return tableCode(`sink_${m}`, src.columns, SINK_CONNECTORS[m % SINK_CONNECTORS.length]!, 'dwd', true);
  });
  tableFiles.push(`${header}export const lake = catalog('lake', paimonCatalog({ warehouse: '\${PAIMON_WAREHOUSE}' }));\n\n${sourceCode.join('\n')}`);
  tableFiles.push(`${header}${sinkCode.join('\n')}`);

  const queryFor = (m: number): string => {
    const a = sources[m % sourceCount]!;
    const cols = range(a.columns);
    switch (m % 3) {
      case 0:
        return `from(${a.name}, 'a').where(({ a }) => a.c2.gt(10).and(a.c0.isNotNull())).select(({ a }) => ({ ${cols.map((c) => `c${c}: a.c${c}`).join(', ')} }))`;
      case 1: {
        const b = sources[(m + 1) % sourceCount]!;
        const pick = (c: number) => (c % 2 === 1 && c < Math.min(a.columns, b.columns) ? `b.c${c}` : `a.c${c}`);
        return `from(${a.name}, 'a').join(${b.name}, 'b', ({ a, b }) => a.c0.eq(b.c0)).select(({ a, b }) => ({ ${cols.map((c) => `c${c}: ${pick(c)}`).join(', ')} }))`;
      }
      default:
        return `from(${a.name}, 'a').groupBy(({ a }) => [a.c0]).select(({ a }) => ({ c0: a.c0, ${cols.slice(1).map((c) => `c${c}: fn.max(a.c${c})`).join(', ')} }))`;
    }
  };
  let m = 0;
  const jobs: string[] = [];
  for (const [k, n] of insertsPerJob.entries()) {
    const inserts: string[] = [];
    for (let j = 0; j < n && m < totalInserts; j++, m++) inserts.push(`insertInto(sink_${m}, ${queryFor(m)})`);
    if (inserts.length === 0) break;
    jobs.push(`export const job_${k} = job('job-${k}', {\n  statements: [\n    ${inserts.join(',\n    ')},\n  ],\n  parallelism: ${1 + (k % 4)},\n});\n`);
  }
  const names = (prefix: string, n: number) => range(n).map((i) => `${prefix}${i}`);
  const jobsFile = `import { fn, from, insertInto, job } from 'flinkts';\nimport { ${sources.map((s) => s.name).join(', ')} } from './tables-sources.js';\nimport { ${names('sink_', sinkCount).join(', ')} } from './tables-sinks.js';\n\n${jobs.join('\n')}`;
  const env = (name: string, i: number) =>
    `    ${name}: {\n      variables: { KAFKA_SERVERS: 'kafka.${name}:9092', MYSQL_URL: 'jdbc:mysql://mysql.${name}:3306/dw', STARROCKS_JDBC: 'jdbc:mysql://sr.${name}:9030', STARROCKS_LOAD: 'sr.${name}:8030', PAIMON_WAREHOUSE: 'hdfs:///paimon/${name}' },\n      jobs: { 'job-0': { parallelism: ${i + 1} } },\n    },`;
  const config = `import { pipeline } from 'flinkts';
import { ${range(jobs.length).map((k) => `job_${k}`).join(', ')} } from './src/jobs.js';
import * as sources from './src/tables-sources.js';
import * as sinks from './src/tables-sinks.js';

const { lake, ...sourceTables } = sources;

export default pipeline({
  name: 'scale-${tables}',
  jobs: [${range(jobs.length).map((k) => `job_${k}`).join(', ')}],
  tables: [...Object.values(sourceTables), ...Object.values(sinks)],
  catalogs: [lake],
  variables: {
    KAFKA_SERVERS: 'Kafka bootstrap servers',
    MYSQL_URL: 'JDBC URL of the MySQL warehouse',
    STARROCKS_JDBC: 'StarRocks FE JDBC URL',
    STARROCKS_LOAD: 'StarRocks FE HTTP address',
    PAIMON_WAREHOUSE: 'Paimon warehouse path',
  },
  secrets: { MYSQL_USER: 'MySQL user', MYSQL_PASSWORD: 'MySQL password', SR_USER: 'StarRocks user', SR_PASSWORD: 'StarRocks password' },
  targets: { sql: {}, streampark: { executionMode: 'yarn-application' } },
  environments: {
${['dev', 'test', 'prod'].map(env).join('\n')}
  },
});
`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'tables-sources.ts'), tableFiles[0]!);
  writeFileSync(join(dir, 'src', 'tables-sinks.ts'), tableFiles[1]!);
  writeFileSync(join(dir, 'src', 'jobs.ts'), jobsFile);
  writeFileSync(join(dir, 'flinkts.config.ts'), config);
  return { tables, sources: sourceCount, sinks: sinkCount, jobs: jobs.length, inserts: m };
}

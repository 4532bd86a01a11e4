/**
 * A loopback MariaDB standing in for the StarRocks FE while Flink's planner creates StarRocks sinks (the bridge's
 * StarRocksFeStandIn answers the connector's two plan-time queries from MariaDB's catalog). `prepare(sql)` fills a
 * script's `${NAME}` placeholders as `flinkts verify` does, creates each StarRocks table it declares in MariaDB with
 * the same columns and primary key (what the StarRocks table would hold), and points the tables' `jdbc-url`,
 * `load-url`, `username` and `password` at the stand-in (nothing listens on port 1: the connector's Stream Load
 * probe fails, which it tolerates while planning).
 */
import { parseScript } from '@flinkts/core';
import type { DataType } from '@flinkts/core';
import { fillPlaceholders } from '@flinkts/core/flink';
import { startMariaDb } from './mariadb.js';

export interface StarRocksFe {
  readonly url: string;
  /** The script with its StarRocks tables pointed at the stand-in, their tables created; unchanged without any. */
  prepare(sql: string): string;
  /** Runs SQL on the MariaDB server as root. */
  sql(statements: string): string;
  stop(): Promise<void>;
}

const USER = 'flinkts';
const PASSWORD = 'flinkts-test';

/** The MariaDB column type for a StarRocks table column of this Flink type (DATA_TYPE as the connector compares it). */
export function mariaDbType(t: DataType): string {
  const base = ((): string => {
    switch (t.kind) {
      case 'CHAR': case 'VARCHAR': return 'VARCHAR(128)';
      case 'BOOLEAN': return 'TINYINT(1)';
      case 'TINYINT': return 'TINYINT';
      case 'SMALLINT': return 'SMALLINT';
      case 'INT': return 'INT';
      case 'BIGINT': return 'BIGINT';
      case 'FLOAT': return 'FLOAT';
      case 'DOUBLE': return 'DOUBLE';
      case 'DECIMAL': return `DECIMAL(${t.precision}, ${t.scale})`;
      case 'DATE': return 'DATE';
      case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return `DATETIME(${Math.min(t.precision, 6)})`;
      // StarRocks JSON / ARRAY / MAP / STRUCT columns: a type the connector does not compare
      default: return 'LONGTEXT';
    }
  })();
  return `${base}${t.nullable ? '' : ' NOT NULL'}`;
}

const quote = (id: string) => `\`${id.replace(/`/g, '``')}\``;

export async function startStarRocksFe(): Promise<StarRocksFe> {
  const db = await startMariaDb();
  db.sql(`CREATE USER '${USER}'@'%' IDENTIFIED BY '${PASSWORD}'; GRANT SELECT ON *.* TO '${USER}'@'%';`);
  const url = `jdbc:mysql://127.0.0.1:${db.port}/?queryInterceptors=dev.flinkts.bridge.StarRocksFeStandIn&useOldAliasMetadataBehavior=true&flinktsStarRocksVersion=3.5.0`;
  const prepare = (sql: string): string => {
    const text = fillPlaceholders(sql).text;
    const { script } = parseScript(text);
    let out = '';
    let from = 0;
    for (const st of script.statements) {
      if (st.kind !== 'CreateTable' || st.span === undefined) continue;
      const option = (k: string) => st.options.find((o) => o.key === k)?.value;
      if (option('connector') !== 'starrocks') continue;
      const database = option('database-name');
      const name = option('table-name');
      if (database === undefined || name === undefined) continue;
      const columns = st.columns.flatMap((c) => (c.kind === 'PhysicalColumn' ? [`${quote(c.name)} ${mariaDbType(c.type)}`] : []));
      const key = st.primaryKey?.columns ?? [];
      const ddl = `CREATE TABLE ${quote(database)}.${quote(name)} (${[...columns, ...(key.length > 0 ? [`PRIMARY KEY (${key.map(quote).join(', ')})`] : [])].join(', ')})`;
      db.sql(`CREATE DATABASE IF NOT EXISTS ${quote(database)}; DROP TABLE IF EXISTS ${quote(database)}.${quote(name)}; ${ddl}`);
      const start = st.span.start.offset;
      const end = st.span.end.offset;
      const pointed = text.slice(start, end)
        .replace(/'jdbc-url'\s*=\s*'(?:[^']|'')*'/, `'jdbc-url' = '${url}'`)
        .replace(/'load-url'\s*=\s*'(?:[^']|'')*'/, "'load-url' = '127.0.0.1:1'")
        .replace(/'username'\s*=\s*'(?:[^']|'')*'/, `'username' = '${USER}'`)
        .replace(/'password'\s*=\s*'(?:[^']|'')*'/, `'password' = '${PASSWORD}'`);
      out += text.slice(from, start) + pointed;
      from = end;
    }
    return from === 0 ? sql : out + text.slice(from);
  };
  return { url, prepare, sql: (statements) => db.sql(statements), stop: () => db.stop() };
}

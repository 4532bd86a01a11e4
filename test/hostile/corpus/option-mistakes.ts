/** Option mistakes in WITH clauses: each must be a positioned diagnostic with a code. */
import type { SqlCase } from './case.js';

export const optionMistakes: readonly SqlCase[] = [
  { name: 'unknown connector (info: its options cannot be checked)', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'kafak');", codes: ['FTS3008'] },
  { name: 'unknown option of a known connector', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', 'rows-per-sec0nd' = '1');", codes: ['FTS3001'] },
  { name: 'an option value of the wrong type', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = 'fast');", codes: ['FTS3002'] },
  { name: "missing 'connector'", sql: "CREATE TABLE x (a INT) WITH ('format' = 'json');", codes: ['FTS3011'] },
  { name: "mis-cased 'Connector'", sql: "CREATE TABLE x (a INT) WITH ('Connector' = 'datagen');", codes: ['FTS3011'] },
  { name: "space-padded ' connector'", sql: "CREATE TABLE x (a INT) WITH (' connector' = 'datagen');", codes: ['FTS3011'] },
  { name: 'a password in a JDBC URL parameter', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/app?user=app&password=s3cret', 'table-name' = 'x');", codes: ['FTS3005'], message: /'url' embeds a plaintext credential: a 'password' parameter/ },
  { name: 'a password in URL user-info', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://app:s3cret@db:5432/app', 'table-name' = 'x');", codes: ['FTS3005'], message: /user:password@host/ },
  { name: 'a password in a ;-separated connection parameter', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:sqlserver://db:1433;databaseName=app;password=s3cret', 'table-name' = 'x');", codes: ['FTS3005'] },
  { name: 'valid: a placeholder as the URL password', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/app?user=app&password=${DB_PASSWORD}', 'table-name' = 'x');", codes: [] },
  { name: 'an unknown key in an OPTIONS hint', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen');\nSELECT a FROM x /*+ OPTIONS('rows-per-sec0nd' = '5') */;", codes: ['FTS3001'], message: /OPTIONS hint on 'x'/ },
  { name: 'a bad value in an OPTIONS hint', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen');\nSELECT a FROM x /*+ OPTIONS('rows-per-second' = 'fast') */;", codes: ['FTS3002'] },
  { name: 'valid: an OPTIONS hint the connector takes', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen');\nSELECT a FROM x /*+ OPTIONS('rows-per-second' = '5') */;", codes: [] },
];

/**
 * The port of StreamPark's SQL rules (`streamparkSplit` / `streamparkCommand`) agrees with StreamPark's own parser
 * (its library module from Maven Central, run in a JVM) on every case, and that parser accepts the `flinkSql` of
 * every StreamPark form the examples build — while it refuses the `EXECUTE STATEMENT SET` they used to carry.
 */
import { describe, expect, test } from 'vitest';
import { buildPipeline } from '../src/index.js';
import { decodeForm, streamparkCommand, streamparkSplit } from '../src/internal.js';
import realtimeDw from '../../../examples/realtime-dw/flinkts.config.js';
import { streamparkParse } from '../../../test/support/streampark.js';

/** The port's verdict in the parser's terms: the command of each statement, or the first unsupported one. */
function port(sql: string): { ok: true; commands: string[] } | { ok: false; statement: string } {
  const commands: string[] = [];
  for (const s of streamparkSplit(sql)) {
    const c = streamparkCommand(s.sql);
    if (c === undefined) return { ok: false, statement: s.sql.replace(/\s+/g, ' ') };
    commands.push(c);
  }
  return { ok: true, commands };
}

const CASES = [
  "CREATE TABLE a (x INT) WITH ('connector' = 'datagen');\nINSERT INTO a SELECT 1;",
  'EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;',
  'BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;',
  "SET 'execution.checkpointing.interval' = '30s';\nSET a=b;\nRESET 'a';\nRESET;\nINSERT INTO a SELECT 1;",
  'USE CATALOG c;\nUSE db;\nUSE MODULES hive;\nINSERT INTO a SELECT 1;',
  'CREATE TEMPORARY VIEW v AS SELECT 1;\nCREATE VIEW IF NOT EXISTS w AS\nSELECT 2;\nINSERT INTO a SELECT * FROM v;',
  'CREATE VIEW v (a) AS SELECT 1;\nINSERT INTO a SELECT 1;',
  'CREATE VIEW v AS WITH w AS (SELECT 1) SELECT * FROM w;',
  "CREATE CATALOG c WITH ('type' = 'hive');\nCREATE DATABASE IF NOT EXISTS c.d;\nCREATE TEMPORARY FUNCTION f AS 'a.B';\nINSERT INTO a SELECT 1;",
  "-- a comment; with a semicolon\nINSERT INTO a SELECT ';' AS s; /* block; comment */\nINSERT INTO b /*+ OPTIONS('k'='v') */ SELECT \"x;y\";",
  'SHOW JOBS;\nINSERT INTO a SELECT 1;',
  'SHOW TABLES;\nDESCRIBE a;\nEXPLAIN PLAN FOR SELECT 1;\nINSERT OVERWRITE a SELECT 1;',
  'ALTER TABLE a SET (\'k\' = \'v\');\nDROP TEMPORARY VIEW IF EXISTS v;\nINSERT INTO a SELECT 1;',
];

describe("StreamPark's own parser", () => {
  test('agrees with the port on every case: the same commands, or refused at the same statement', { timeout: 120_000 }, () => {
    const verdicts = streamparkParse(CASES);
    CASES.forEach((sql, i) => {
      const real = verdicts[i]!;
      const mine = port(sql);
      if (real.ok) expect({ sql, mine }).toEqual({ sql, mine: { ok: true, commands: real.commands } });
      else {
        expect({ sql, ok: mine.ok }).toEqual({ sql, ok: false });
        if (!mine.ok) expect(real.message.replace(/\s+/g, ' ')).toContain(mine.statement);
      }
    });
    expect(verdicts.filter((v) => !v.ok)).toHaveLength(4);
  });

  test('accepts the flinkSql of every realtime-dw StreamPark form in every environment', { timeout: 120_000 }, () => {
    const scripts: { path: string; sql: string }[] = [];
    for (const env of realtimeDw.environmentNames) {
      for (const f of buildPipeline(realtimeDw, { env, targets: ['streampark'] }).files.filter((x) => x.path.endsWith('.form'))) {
        scripts.push({ path: f.path, sql: new Map(decodeForm(f.content.trimEnd())).get('flinkSql')! });
      }
    }
    expect(scripts).toHaveLength(25); // 5 jobs × 5 environments
    const verdicts = streamparkParse(scripts.map((s) => s.sql));
    scripts.forEach((s, i) => {
      expect({ path: s.path, verdict: verdicts[i] }).toEqual({ path: s.path, verdict: { ok: true, commands: port(s.sql).ok ? (port(s.sql) as { commands: string[] }).commands : [] } });
      expect(verdicts[i]!.ok && verdicts[i]!.commands.includes('insert')).toBe(true);
    });
  });
});

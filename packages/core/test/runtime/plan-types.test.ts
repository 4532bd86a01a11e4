/**
 * The runtime owns no types: every expression's result type is the bound plan's (the one typer's, recorded by the
 * binder), and the runtime computes its values in that type. Before, the runtime derived the result types of
 * arithmetic, CASE and CAST itself and disagreed with the binder (and with Flink) on the cases below; each expected
 * type here is what Flink 1.20.1 gives (asked through the bridge's expression evaluator).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalJob } from '../../src/runtime/job.js';
import { sqlScript } from '../../src/testing/oracle/sql-front-end.js';
import { runJob } from '../../src/testing/index.js';
import { printDataType } from '../../src/sql/printer/data-type.js';

const DDL = `CREATE TABLE t (d DECIMAL(5, 2) NOT NULL, n DECIMAL(5, 2), i INT NOT NULL, b BIGINT NOT NULL) WITH ('connector' = 'values');\n`;

describe('the runtime types no expression itself', () => {
  it('takes the plan\'s types for arithmetic, || and CASE, where its own derivation differed (Flink 1.20.1\'s types)', () => {
    const sql = `${DDL}SELECT d / d AS q, n / d AS nq, 'test' || 'string' AS s, b % i AS m, CASE WHEN i > 1 THEN d ELSE 1 END AS c, CASE WHEN i > 1 THEN 'a' END AS c2 FROM t;`;
    const columns = new LocalJob(sqlScript(sql)).run(new Map()).sinks.get('result')?.columns;
    expect(columns?.map((c) => `${c.name} ${printDataType(c.type)}`)).toEqual([
      // DECIMAL division is nullable only over a nullable operand (the runtime made it always nullable)
      'q DECIMAL(13, 8) NOT NULL', 'nq DECIMAL(13, 8)',
      // two CHAR literals concatenate to a CHAR (the runtime said STRING)
      's CHAR(10) NOT NULL',
      'm INT NOT NULL', 'c DECIMAL(12, 2) NOT NULL', 'c2 CHAR(1)',
    ]);
    // BIGINT % INT is an INT computed from a BIGINT (the runtime's own derivation mixed a bigint with a number and threw)
    expect(runJob(sql, { inputs: { t: [['1.50', '2.25', 7, 9]] } }).table('result')).toEqual(['1.00000000, 1.50000000, teststring, 2, 1.50, a']);
  });

  it('reads each expression\'s type from the plan: a plan type the runtime would not derive is the one the sink gets', () => {
    // the variance rewrite builds expressions the binder never saw: typed by the typer's rules, not the runtime's
    const sql = `${DDL}SELECT VAR_POP(i) AS v, STDDEV_SAMP(d) AS s FROM t;`;
    const columns = new LocalJob(sqlScript(sql)).run(new Map()).sinks.get('result')?.columns;
    expect(columns?.map((c) => printDataType(c.type))).toEqual(['INT', 'DECIMAL(38, 6)']);
    expect(runJob(sql, { inputs: { t: [['1.50', null, 1, 1], ['2.50', null, 3, 1]] } }).table('result')).toEqual(['1, 0.707107']);
  });
});

describe('layers: the runtime has no type rules', () => {
  const src = fileURLToPath(new URL('../../src/', import.meta.url));
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  it('runtime/ neither defines nor imports common-type or DECIMAL-merging rules (the typer\'s, in typing/ and functions/infer.ts)', () => {
    const offending = files(join(src, 'runtime')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const found = [
        ...[...text.matchAll(/from\s+'([^']*types\/(?:common-type|decimal-merging)\.js)'/g)].map((m) => m[1]!),
        ...[...text.matchAll(/\b(leastRestrictive|findCommonType|decimalArithmetic|adjustDecimal)\b/g)].map((m) => m[1]!),
      ];
      return found.map((x) => `${relative(src, f)}: ${x}`);
    });
    // ROUND / TRUNCATE read their DECIMAL result type from the plan too (no exception left)
    expect(offending).toEqual([]);
  });
});

describe('a query the binder does not bind', () => {
  it('is FTS7001 naming the construct the bound query carries (not a message cut from FTS4501\'s text)', () => {
    const sql = "CREATE TABLE e (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');\nSELECT * FROM TABLE(TUMBLE(e, DESCRIPTOR(ts), INTERVAL '1' MINUTE));";
    let error: unknown;
    try {
      new LocalJob(sqlScript(sql));
    } catch (e) {
      error = e;
    }
    const d = (error as { diagnostics?: readonly { code: string; message: string; span?: unknown }[] }).diagnostics?.[0];
    expect(d?.code).toBe('FTS7001');
    expect(d?.message).toBe('not supported by the local runtime: TUMBLE(…) without TABLE t');
    expect(d?.span).toBeDefined();
  });
});

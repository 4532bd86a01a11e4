/**
 * One lookup of a function name, as Flink 1.20.1's FunctionCatalog does it (checked with EXPLAIN on the real planner,
 * a table function registered under the aggregate's name): a temporary system function shadows the built-in of its
 * name — `sum(x)` and `SUM(x)` call it ("Invalid function call: sum(DOUBLE)") —, while a temporary or catalog
 * function of that name does not: Flink plans `SUM(amount)` (and LISTAGG) as the built-in aggregate. The binder's
 * aggregation, the aggregate placement rules (FTS4419) and the typer read the same rule (plan/function-lookup.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from '../../src/index.js';
import { bindScript } from '../../src/plan/bind.js';
import { sqlScript } from '../../src/testing/oracle/sql-front-end.js';
import type { PlanNode } from '../../src/plan/node.js';
import { inputsOf } from '../../src/plan/node.js';

const ORDERS = "CREATE TABLE orders (user_id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen');";
const QUERY = 'SELECT user_id, sum(amount) AS s FROM orders GROUP BY user_id';

function aggregateCalls(node: PlanNode): string[] {
  const own = node.kind === 'Aggregate' ? node.calls.map((c) => `${c.fn}: ${c.type?.kind ?? '?'}`) : [];
  return [...own, ...inputsOf(node).flatMap(aggregateCalls)];
}

function bound(declaration: string, query = QUERY): { calls: string[]; codes: string[] } {
  const script = sqlScript(`${ORDERS}\n${declaration}\n${query};`);
  const b = bindScript(script.statements);
  const plan = b.statements.at(-1)?.query;
  return { calls: plan === undefined ? [] : aggregateCalls(plan), codes: checkSql(`${ORDERS}\n${declaration}\n${query};`).filter((d) => d.severity === 'error').map((d) => d.code) };
}

describe('a function name is looked up as Flink looks it up', () => {
  it('a temporary or catalog function named like a built-in aggregate does not shadow it', () => {
    for (const declaration of ["CREATE TEMPORARY FUNCTION `sum` AS 'com.example.Sum';", "CREATE FUNCTION `sum` AS 'com.example.Sum';"]) {
      expect(bound(declaration)).toEqual({ calls: ['SUM: DOUBLE'], codes: [] });
    }
    expect(bound("CREATE TEMPORARY FUNCTION listagg AS 'com.example.L';", "SELECT user_id, LISTAGG(CAST(amount AS STRING)) AS s FROM orders GROUP BY user_id").calls).toEqual(['LISTAGG: VARCHAR']);
  });

  it('a temporary system function shadows the built-in of its name, whatever the case', () => {
    for (const [declaration, query] of [
      ["CREATE TEMPORARY SYSTEM FUNCTION `sum` AS 'com.example.Sum';", QUERY],
      ["CREATE TEMPORARY SYSTEM FUNCTION `SUM` AS 'com.example.Sum';", QUERY.replace('sum(', 'SUM(')],
    ] as const) {
      const b = bound(declaration, query);
      // not an aggregate: `amount` is then neither grouped nor aggregated
      expect(b.calls).toEqual([]);
      expect(b.codes).toContain('FTS4411');
    }
  });

  it('nested aggregates are refused only when both calls are the built-in aggregate', () => {
    const nested = 'SELECT sum(sum(amount)) AS s FROM orders';
    expect(bound("CREATE TEMPORARY FUNCTION `sum` AS 'com.example.Sum';", nested).codes).toContain('FTS4419');
    expect(bound("CREATE TEMPORARY SYSTEM FUNCTION `sum` AS 'com.example.Sum';", nested).codes).not.toContain('FTS4419');
  });
});

/**
 * The binder's pattern recognition against real Flink 1.20.1's planner: for each of Flink's streaming test programs
 * (packages/core/test/fixtures/flink-semantics/streaming.jsonl), the operator the bound plan names (deduplication,
 * TopN, interval / regular join, window aggregation, group aggregation) is the one in Flink's optimized physical plan,
 * and the one it rules out is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bindScript, inputsOf, parseScript } from '@flinkts/core';
import type { PlanRoot } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';

interface Program {
  readonly id: string;
  readonly query: string;
  readonly inputs: Readonly<Record<string, { readonly schema: string }>>;
  readonly sink?: { readonly name: string; readonly schema: string };
}

const programs = readFileSync(new URL('../../packages/core/test/fixtures/flink-semantics/streaming.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l) as Program);

function nodes(n: PlanRoot, out: PlanRoot[] = []): PlanRoot[] {
  out.push(n);
  for (const i of inputsOf(n)) nodes(i, out);
  return out;
}

/** Flink physical operators the bound plan promises (present) and rules out (absent). */
function promises(root: PlanRoot): { present: RegExp[]; absent: RegExp[] } {
  const all = nodes(root);
  const present: RegExp[] = [];
  const absent: RegExp[] = [];
  const has = (k: string): boolean => all.some((n) => n.kind === k);
  if (has('Deduplicate')) present.push(/\bDeduplicate\(/), absent.push(/\bRank\(/);
  if (has('Rank')) present.push(/\bRank\(/), absent.push(/\bDeduplicate\(/);
  for (const n of all) {
    if (n.kind !== 'Join') continue;
    if (n.strategy === 'interval') present.push(/\bIntervalJoin\(/);
    if (n.strategy === 'regular') present.push(/(?<![A-Za-z])Join\(joinType=/), absent.push(/\bIntervalJoin\(/);
  }
  const windowed = all.some((n) => n.kind === 'Aggregate' && n.input.kind === 'WindowTableFunction');
  // Two-phase aggregation shows as Local… / Global…WindowAggregate and …GroupAggregate.
  if (windowed) present.push(/WindowAggregate\(/), absent.push(/GroupAggregate\(/);
  else if (has('Aggregate')) present.push(/GroupAggregate\(/), absent.push(/WindowAggregate\(/);
  // IN / NOT IN (SELECT …) in a WHERE: a Filter over a bound sub-query, which Flink decorrelates into a semi / anti join.
  for (const n of all) {
    if (n.kind !== 'Filter') continue;
    for (const s of n.condition.subqueries) {
      if (s.node.kind === 'In') present.push(s.node.negated ? /joinType=\[LeftAntiJoin\]/ : /joinType=\[LeftSemiJoin\]/);
    }
  }
  return { present, absent };
}

describe("the binder's patterns are the operators real Flink plans", () => {
  test('every streaming program', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    for (const p of programs) {
      const ddl = Object.entries(p.inputs).map(([name, i]) => `CREATE TABLE ${name} (${i.schema}) WITH ('connector' = 'datagen')`);
      if (p.sink !== undefined) ddl.push(`CREATE TABLE ${p.sink.name} (${p.sink.schema}) WITH ('connector' = 'blackhole')`);
      const { script } = parseScript(`${ddl.join(';\n')};\n${p.query};`);
      const bound = bindScript(script.statements);
      const last = bound.statements.at(-1)!;
      const root = last.sinks[0] ?? last.query;
      if (root === undefined) {
        problems.push(`${p.id}: not bound`);
        continue;
      }
      const { present, absent } = promises(root);
      if (present.length === 0) problems.push(`${p.id}: the bound plan promises no operator to compare`);
      const r = client.planSync({ statements: [...ddl, p.query], withPlan: true });
      if (!r.ok) {
        problems.push(`${p.id}: Flink did not plan it: ${r.error?.message ?? ''}`);
        continue;
      }
      const physical = ((r.plans ?? []).join('\n').split('== Optimized Physical Plan ==')[1] ?? '').split('== Optimized Execution Plan ==')[0]!;
      for (const re of present) if (!re.test(physical)) problems.push(`${p.id}: Flink's plan has no ${re.source}`);
      for (const re of absent) if (re.test(physical)) problems.push(`${p.id}: Flink's plan has ${re.source}, which the bound plan rules out`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});

/**
 * The binder over Flink's own streaming test programs (fixtures/flink-semantics/streaming.jsonl, transcribed from
 * Flink 1.20's planner tests and docs): every program binds without a diagnostic, and the operator Flink plans for it
 * (named by the program) is the node the binder recognised.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScript } from '../../src/index.js';
import { bindScript, inputsOf } from '../../src/internal/index.js';
import type { PlanRoot } from '../../src/index.js';

interface Program {
  readonly id: string;
  readonly query: string;
  readonly inputs: Readonly<Record<string, { readonly schema: string }>>;
  readonly sink?: { readonly name: string; readonly schema: string };
}

const programs = readFileSync(new URL('../fixtures/flink-semantics/streaming.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Program);

function kinds(n: PlanRoot, out: Set<string> = new Set()): Set<string> {
  out.add(n.kind === 'Join' ? (n.type === 'SEMI' || n.type === 'ANTI' ? `Join:${n.type}` : `Join:${n.strategy}`) : n.kind);
  for (const i of inputsOf(n)) kinds(i, out);
  return out;
}

/** The node each program's name promises. */
const EXPECTED: readonly [RegExp, string][] = [
  [/^deduplicate-/, 'Deduplicate'],
  [/^rank-/, 'Rank'],
  [/^interval-join/, 'Join:interval'],
  [/window-tvf|^window-aggregate/, 'WindowTableFunction'],
  [/^group-aggregate/, 'Aggregate'],
  // IN / NOT IN (SELECT …) are the semi / anti joins Flink plans (lineage reads them as filter edges from the
  // sub-query's columns).
  [/^join-semi/, 'Join:SEMI'],
  [/^join-anti/, 'Join:ANTI'],
  [/^join-/, 'Join:regular'],
];

describe("the binder over Flink's streaming test programs", () => {
  test.each(programs.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    const ddl = Object.entries(p.inputs).map(([name, i]) => `CREATE TABLE ${name} (${i.schema}) WITH ('connector' = 'values');`);
    if (p.sink !== undefined) ddl.push(`CREATE TABLE ${p.sink.name} (${p.sink.schema}) WITH ('connector' = 'values');`);
    const { script, diagnostics } = parseScript(`${ddl.join('\n')}\n${p.query};`);
    expect(diagnostics).toEqual([]);
    const bound = bindScript(script.statements);
    expect(bound.diagnostics).toEqual([]);
    const last = bound.statements.at(-1)!;
    const root: PlanRoot | undefined = last.sinks[0] ?? last.query;
    expect(root).toBeDefined();
    const expected = EXPECTED.find(([re]) => re.test(p.id))?.[1];
    expect(expected, `no expectation for ${p.id}`).toBeDefined();
    expect([...kinds(root!)]).toContain(expected);
  });
});

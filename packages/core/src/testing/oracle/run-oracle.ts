/**
 * Runs a file of flink-semantics cases (functions or streaming format) and summarises per family. A function case
 * with a recorded Flink 1.20.1 answer (recorded-answers.ts) is judged by that real answer, not by the fixture.
 */
import { readFileSync } from 'node:fs';
import { runFunctionCase } from './functions-case.js';
import type { CaseOutcome, FunctionCase } from './functions-case.js';
import { runStreamingCase } from './streaming-case.js';
import type { StreamingCase } from './streaming-case.js';
import { correctedCase, isFlinkAnswer } from './recorded-answers.js';
import type { RecordedAnswer } from './recorded-answers.js';

export interface OracleReport {
  readonly outcomes: readonly CaseOutcome[];
  readonly passed: number;
  readonly failed: number;
}

export function runOracleText(text: string, answers: ReadonlyMap<string, RecordedAnswer> = new Map()): OracleReport {
  const outcomes: CaseOutcome[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const c = JSON.parse(line) as Record<string, unknown>;
    if ('query' in c) {
      outcomes.push(runStreamingCase(c as unknown as StreamingCase));
      continue;
    }
    const fc = c as unknown as FunctionCase;
    const answer = answers.get(fc.id);
    outcomes.push(runFunctionCase(answer !== undefined && isFlinkAnswer(answer) ? correctedCase(fc, answer) : fc));
  }
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, passed, failed: outcomes.length - passed };
}

export function runOracleFile(path: string, answers: ReadonlyMap<string, RecordedAnswer> = new Map()): OracleReport {
  return runOracleText(readFileSync(path, 'utf8'), answers);
}

export function formatOracleReport(r: OracleReport): string {
  const fam = new Map<string, { pass: number; fail: CaseOutcome[] }>();
  for (const o of r.outcomes) {
    const f = fam.get(o.family) ?? { pass: 0, fail: [] };
    if (o.passed) f.pass++;
    else f.fail.push(o);
    fam.set(o.family, f);
  }
  const lines: string[] = [];
  for (const [name, f] of [...fam.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${name}: ${f.pass}/${f.pass + f.fail.length}`);
    for (const o of f.fail) {
      lines.push(`  FAIL ${o.id} (${o.reason ?? 'failed'})`);
      lines.push(`    expected: ${o.expected}`);
      lines.push(`    actual:   ${o.actual}`);
    }
  }
  lines.push(`${r.passed} passed, ${r.failed} failed`);
  return lines.join('\n');
}

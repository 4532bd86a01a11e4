/**
 * Tier 2's report: every case of the flink-semantics fixtures on real Flink 1.20.1, per family, and the cases
 * 1.20.1 answers differently from the fixture (whose source is often a newer Flink's tests). Those real answers
 * are recorded in `flink-1.20.1-answers.jsonl` beside the fixtures; the local oracle holds the runtime to them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlinkBridgeClient } from '../../engine/flink/client.js';
import type { CaseOutcome, FunctionCase } from './functions-case.js';
import { runFunctionCasesOnFlink, runStreamingCaseOnFlink } from './flink-conformance.js';
import type { StreamingCase } from './streaming-case.js';
import { ANSWERS_FILE } from './recorded-answers.js';
import type { RecordedAnswer } from './recorded-answers.js';

export { ANSWERS_FILE, readAnswers } from './recorded-answers.js';
export type { RecordedAnswer } from './recorded-answers.js';

export interface ConformanceReport {
  readonly outcomes: readonly (CaseOutcome & { readonly source?: string })[];
  readonly millis: number;
}

const jsonl = <T>(path: string): T[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);

export async function runConformance(dir: string, log: (line: string) => void = () => {}): Promise<ConformanceReport> {
  const started = Date.now();
  const client = FlinkBridgeClient.connect({ log });
  const functions = jsonl<FunctionCase>(join(dir, 'functions.jsonl'));
  const streaming = jsonl<StreamingCase & { source?: string }>(join(dir, 'streaming.jsonl'));
  const outcomes: (CaseOutcome & { source?: string })[] = [];
  const fnOutcomes = await runFunctionCasesOnFlink(functions, client);
  fnOutcomes.forEach((o, i) => outcomes.push({ ...o, ...(functions[i]?.source === undefined ? {} : { source: functions[i]?.source }) }));
  for (const c of streaming) outcomes.push({ ...(await runStreamingCaseOnFlink(c, client)), ...(c.source === undefined ? {} : { source: c.source }) });
  return { outcomes, millis: Date.now() - started };
}

export function formatConformance(r: ConformanceReport, answers: ReadonlyMap<string, RecordedAnswer> = new Map()): string {
  const fam = new Map<string, { n: number; ok: number }>();
  for (const o of r.outcomes) {
    const top = o.family.split('.')[0] as string;
    const f = fam.get(top) ?? { n: 0, ok: 0 };
    f.n++;
    if (o.passed) f.ok++;
    fam.set(top, f);
  }
  const lines = ['family | cases | reproduced by Flink 1.20.1 | corrected (1.20.1 answers differently)', '---|---|---|---'];
  for (const [name, f] of [...fam.entries()].sort(([a], [b]) => a.localeCompare(b))) lines.push(`${name} | ${f.n} | ${f.ok} | ${f.n - f.ok}`);
  const ok = r.outcomes.filter((o) => o.passed).length;
  lines.push(`**all** | ${r.outcomes.length} | ${ok} | ${r.outcomes.length - ok}`);
  lines.push('', `in ${(r.millis / 1000).toFixed(1)} s`);
  for (const o of r.outcomes.filter((x) => !x.passed)) {
    const known = answers.get(o.id);
    lines.push(`  ${o.id}: fixture ${JSON.stringify(o.expected)} — Flink 1.20.1 ${JSON.stringify(o.actual)}${known && known.flink !== o.actual ? ` (recorded ${JSON.stringify(known.flink)})` : ''}`);
  }
  return lines.join('\n');
}

/** Records every case Flink 1.20.1 answers differently; returns the file written. */
export function writeAnswers(dir: string, r: ConformanceReport): string {
  const file = join(dir, ANSWERS_FILE);
  const lines = r.outcomes.filter((o) => !o.passed).map((o) => JSON.stringify({ id: o.id, fixture: o.expected, flink: o.actual, ...(o.source === undefined ? {} : { source: o.source }) }));
  writeFileSync(file, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  return file;
}

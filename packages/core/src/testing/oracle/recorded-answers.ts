/**
 * The real answers of Flink 1.20.1 where it answers a flink-semantics case differently from the fixture (whose
 * source is often a newer Flink's tests), recorded by tier 2 (`npm run conformance -- --write`) in
 * `flink-1.20.1-answers.jsonl` beside the fixtures. The local oracle judges those cases by the real answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionCase } from './functions-case.js';

export const ANSWERS_FILE = 'flink-1.20.1-answers.jsonl';

/** One recorded real answer: the fixture expected `fixture`, Flink 1.20.1 answers `flink`. */
export interface RecordedAnswer {
  readonly id: string;
  readonly fixture: string;
  readonly flink: string;
  readonly source?: string;
}

export function readAnswers(dir: string): Map<string, RecordedAnswer> {
  try {
    const lines = readFileSync(join(dir, ANSWERS_FILE), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return new Map(lines.map((l) => JSON.parse(l) as RecordedAnswer).map((a) => [a.id, a]));
  } catch {
    return new Map();
  }
}

/**
 * Whether a recorded answer is an answer of Flink's: a value, or a validation or runtime error. A `fixture error`
 * means the case's inputs could not be given to Flink at all (RAW values), so Flink said nothing about it.
 */
export function isFlinkAnswer(a: RecordedAnswer): boolean {
  return !a.flink.startsWith('fixture error: ');
}

/** The case as Flink 1.20.1 answers it: its recorded answer as the expectation (an error stays an error). */
export function correctedCase(c: FunctionCase, a: RecordedAnswer): FunctionCase {
  return { ...c, expected: a.flink, isError: /^(validation|runtime) error: /.test(a.flink) };
}

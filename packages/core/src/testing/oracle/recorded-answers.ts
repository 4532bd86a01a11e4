/**
 * The real answers of Flink 1.20.1 where it answers a flink-semantics case differently from the fixture (whose
 * source is often a newer Flink's tests), recorded by tier 2 (`npm run conformance -- --write`) in
 * `flink-1.20.1-answers.jsonl` beside the fixtures. The local oracle judges those cases by the real answer.
 */
import { existsSync, readFileSync } from 'node:fs';
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
  const file = join(dir, ANSWERS_FILE);
  // No file means nothing was recorded yet; a file that is there must parse, or the oracle would judge by the fixture
  // cases Flink answers differently.
  if (!existsSync(file)) return new Map();
  const answers = new Map<string, RecordedAnswer>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let a: RecordedAnswer;
      try {
        a = JSON.parse(line) as RecordedAnswer;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not a JSON answer: ${(e as Error).message}`);
      }
      if (typeof a.id !== 'string' || typeof a.flink !== 'string') throw new Error(`${file}:${i + 1}: an answer needs a string "id" and "flink"`);
      answers.set(a.id, a);
    });
  return answers;
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

/**
 * `npm run oracle -- <file.jsonl>`: runs flink-semantics cases (functions or streaming format) through the
 * local runtime, prints per-family pass counts and every failure, and ends with `N passed, N failed`. Cases with a
 * recorded Flink 1.20.1 answer (flink-1.20.1-answers.jsonl beside the file) are judged by that answer.
 */
import { dirname } from 'node:path';
import { readAnswers } from '../src/testing/oracle/recorded-answers.js';
import { formatOracleReport, runOracleFile } from '../src/testing/oracle/run-oracle.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run oracle -- <cases.jsonl> [more.jsonl …]');
  process.exit(2);
}
let passed = 0;
let failed = 0;
for (const f of files) {
  const r = runOracleFile(f, readAnswers(dirname(f)));
  const text = formatOracleReport(r);
  console.log(files.length > 1 ? `== ${f}\n${text.split('\n').slice(0, -1).join('\n')}` : text.split('\n').slice(0, -1).join('\n'));
  passed += r.passed;
  failed += r.failed;
}
console.log(`${passed} passed, ${failed} failed`);

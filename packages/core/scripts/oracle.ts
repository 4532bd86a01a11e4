/**
 * `npm run oracle -- <file.jsonl>`: runs flink-semantics cases (functions or streaming format) through the
 * local runtime, prints per-family pass counts and every failure, and ends with `N passed, N failed`.
 */
import { formatOracleReport, runOracleFile } from '../src/testing/oracle/run-oracle.js';
import { sqlFrontEnd, useFrontEnd } from '../src/testing/oracle/sql-front-end.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
// `--fallback` reads SQL with the oracle's fallback reader even when the project parser is available.
if (args.includes('--fallback')) useFrontEnd('fallback reader');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run oracle -- <cases.jsonl> [more.jsonl …]');
  process.exit(2);
}
console.log(`SQL front end: ${sqlFrontEnd()}`);
let passed = 0;
let failed = 0;
for (const f of files) {
  const r = runOracleFile(f);
  const text = formatOracleReport(r);
  console.log(files.length > 1 ? `== ${f}\n${text.split('\n').slice(0, -1).join('\n')}` : text.split('\n').slice(0, -1).join('\n'));
  passed += r.passed;
  failed += r.failed;
}
console.log(`${passed} passed, ${failed} failed`);

/**
 * `npm run conformance [-- --write]`: tier 2 — every case of the flink-semantics fixtures on real Flink 1.20.1
 * (the bridge is started if none runs, and stopped again if this script started it). Prints per family: cases /
 * reproduced by Flink 1.20.1 / corrected, and every case 1.20.1 answers differently. `--write` records those
 * real answers in test/fixtures/flink-semantics/flink-1.20.1-answers.jsonl (the corrections the oracle uses).
 */
import { fileURLToPath } from 'node:url';
import { runConformance, formatConformance, writeAnswers } from '../src/testing/oracle/flink-conformance-report.js';
import { ownBridgesStartedHere } from '../src/engine/flink/bridge-process.js';

const dir = fileURLToPath(new URL('../test/fixtures/flink-semantics/', import.meta.url));
const releaseBridge = ownBridgesStartedHere();
try {
  const report = await runConformance(dir, (l) => console.error(l));
  console.log(formatConformance(report));
  if (process.argv.includes('--write')) console.log(`wrote ${writeAnswers(dir, report)}`);
} finally {
  releaseBridge();
}

/** `npm run differential -- --cases N --seed S`: tier 3 on both engines; see differential.ts. */
import { ownBridgesStartedHere } from '../../packages/core/src/engine/flink/bridge-process.js';
import { differential, differentialFamily } from './differential.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v)) throw new Error(`--${name} needs an integer`);
  return v;
};
const releaseBridge = ownBridgesStartedHere();
try {
  const fi = process.argv.indexOf('--family');
  const family = fi >= 0 ? process.argv[fi + 1] : undefined;
  const opts = { cases: arg('cases', 50), seed: arg('seed', 20261206) };
  const r = family === undefined ? await differential(opts) : await differentialFamily(family, opts);
  console.log(`tier 3: ${r.cases} cases in ${(r.millis / 1000).toFixed(1)} s: ${r.counts.match} match, ${r.counts['both-reject']} rejected by both, ${r.counts.unsupported} not supported locally, ${r.counts.mismatch} mismatches`);
  if (r.counterexample) {
    console.log(`counterexample (shrunk)${r.counterexample.file ? `, saved to ${r.counterexample.file}` : ''}:\n${r.counterexample.result.sql}\n  local: ${r.counterexample.result.local}\n  flink: ${r.counterexample.result.flink}`);
    process.exitCode = 1;
  }
} finally {
  releaseBridge();
}

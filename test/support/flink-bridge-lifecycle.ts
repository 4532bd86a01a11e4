/**
 * vitest globalSetup: a test run never leaves a Flink bridge behind. Tests start the bridge on demand (the
 * testing API's `engine: 'flink'`, the conformance, differential and verify tiers); at the end of the run the
 * bridge this run started is stopped by pid. The run names itself as the owner (inherited by its workers,
 * recorded by the bridge they start), so a bridge that was already running (`npx flinkts flink start`) or that
 * another test run on the same machine started meanwhile is left alone — a run that ended first used to stop the
 * other run's bridge in the middle of its Flink tests.
 */
import { ownBridgesStartedHere } from '../../packages/core/src/engine/flink/bridge-process.js';

export default function setup(): () => void {
  return ownBridgesStartedHere();
}

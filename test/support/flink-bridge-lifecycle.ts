/**
 * vitest globalSetup: a test run never leaves a Flink bridge behind. Tests start the bridge on demand (the
 * testing API's `engine: 'flink'`, the conformance, differential and verify tiers); at the end of the run a
 * bridge that was not already running before it (e.g. started by `npx flinkts flink start`) is stopped by pid.
 */
import { runningBridge, stopBridge } from '../../packages/core/src/engine/flink/bridge-process.js';

export default function setup(): () => void {
  const before = runningBridge();
  return () => {
    const now = runningBridge();
    if (now !== undefined && (before === undefined || before.pid !== now.pid)) stopBridge();
  };
}

/**
 * The platforms run the Flink the pipeline is built for: VVP's `artifact.flinkVersion` and Alibaba's VVR
 * `engineVersion` (`vvr-<n>-…-flink-<minor>`) must name the pipeline's Flink minor, or the jars chosen for it
 * (and the SQL checked against it) do not match what runs.
 */
import type { Diagnostic } from '@flinkts/core';
import { flinkMinor } from '@flinkts/connectors';
import { CODES } from './codes.js';
import type { ResolvedEnvironment } from './resolve-environment.js';

export function platformVersionProblems(env: ResolvedEnvironment): Diagnostic[] {
  const out: Diagnostic[] = [];
  const minor = flinkMinor(env.flinkVersion);
  if (minor === undefined) return out;
  const vvp = env.targets.vvp;
  if (vvp !== undefined && !new RegExp(`^${minor.replace('.', '\\.')}(\\.\\d+)?$`).test(vvp.flinkVersion)) {
    out.push({ code: CODES.badVersion, severity: 'error', message: `VVP flinkVersion '${vvp.flinkVersion}' is not the pipeline's Flink ${env.flinkVersion}`, hint: `set targets.vvp.flinkVersion to '${minor}', or the pipeline's flinkVersion to the VVP one`, path: 'targets.vvp.flinkVersion' });
  }
  const alibaba = env.targets.alibaba;
  if (alibaba !== undefined) {
    const m = /-flink-(\d+\.\d+)$/.exec(alibaba.engineVersion);
    if (m === null || m[1] !== minor) {
      out.push({ code: CODES.badVersion, severity: 'error', message: `Realtime Compute engine '${alibaba.engineVersion}' does not run Flink ${minor}`, hint: `choose a VVR engine ending in -flink-${minor} (e.g. vvr-11.1-jdk11-flink-1.20 for Flink 1.20)`, path: 'targets.alibaba.engineVersion' });
    }
  }
  return out;
}

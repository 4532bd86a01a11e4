// The public entry points whose every exported function exports.test.ts calls with hostile arguments: each
// package's root and the documented subpaths (README "Layout"). One list, read by the test and its child process.
export const ENTRIES = [
  { name: '@flinkts/core', file: 'packages/core/dist/index.js' },
  { name: '@flinkts/core/testing', file: 'packages/core/dist/testing/index.js' },
  { name: '@flinkts/core/runtime', file: 'packages/core/dist/runtime/index.js' },
  { name: '@flinkts/connectors', file: 'packages/connectors/dist/index.js' },
  { name: '@flinkts/pipelines', file: 'packages/pipelines/dist/index.js' },
  { name: 'flinkts/testing', file: 'dist/testing.js' },
];

// Entry points left out, each with why:
// - flinkts (the umbrella package's root): `export *` of the three package roots above, nothing of its own.
// - flinkts/vitest: registers the matchers with vitest's `expect` (the matchers are probed through core/testing).
// - @flinkts/core/flink: the Flink bridge's client — its functions start and stop Java / Maven processes and the
//   bridge shared by every flinkts process on the machine (stopBridge, ensureBridge, installMissingToolchain).
// - @flinkts/core/vitest: registers matchers with vitest's `expect`; it exports no function.
// - @flinkts/core/internal, @flinkts/core/internal/zod: plumbing between flinkts's own packages, not public.

/**
 * What a careless JavaScript caller passes: nothing, null, a number, strings, an empty object and array, a boolean
 * — and a node of an unknown kind and a list holding null, which get past a check that only asks "an object?".
 */
export const HOSTILE_VALUES = [null, undefined, 1, '', 'x', {}, [], true, { kind: 'x' }, [null]];

/**
 * Methods of built objects the probe leaves out, each with why (`kind` matches the object's label in the report,
 * `method` the method's name).
 */
export const LEFT_OUT = [
  // createSession()'s result is the runtime's session, handed to evaluateExpression as is: its clock and the
  // timestamps its now() returns are the runtime's own per-row values (compare / truncate run inside operators for
  // every row), built and called only by the runtime; a check per call would be paid on every row.
  { kind: /^createSession\(…\)\.(processingTime|now\(…\))$/, method: /./ },
];

/**
 * One line per command for `flinkts --help` (each command's `summary` is its line here). Kept apart from the
 * commands so that the help lists them without importing any: a command's module loads what it runs (@flinkts/core,
 * @flinkts/pipelines, …), and `--help` should cost about a bare Node start. A new command is its file in
 * `commands/` plus its line here (test/cli/help-lazy.test.ts checks the two agree).
 */
export const COMMAND_SUMMARIES = {
  build: 'check a pipeline and write its SQL, StreamPark, VVP and Alibaba artifacts',
  check: 'check Flink SQL scripts or a pipeline (syntax, names, INSERT types, options, changelog modes, time attributes)',
  deploy: 'deploy a pipeline environment: stop with savepoint, start from it, health check, rollback',
  flink: 'build, start, stop or show the real-Flink engine bridge (Flink 1.20.1 MiniCluster + SQL Gateway on 127.0.0.1)',
  fmt: 'format Flink SQL files in a canonical layout (--check for CI)',
  import: 'turn Flink SQL scripts into typed flinkts TypeScript (tables, connectors, jobs, a pipeline)',
  init: 'create a new pipeline repo (config, tables, a job, two environments, a unit test)',
  introspect: 'write typed MySQL CDC tables from a live MySQL schema (--check: report schema drift)',
  lineage: 'table and column lineage: upstream, impact, job graph; text, JSON, Mermaid, OpenLineage, HTML',
  plan: "show what deploy would change per job, with the SQL / setting diff and whether state can be restored",
  print: "print one job's compiled SQL (or a target's spec) for an environment",
  promote: 'promote a blue-green shadow run to take over the real sinks (or abandon it)',
  rollback: 'run an earlier deployed version of a job again, from the savepoint it stopped with',
  savepoint: "trigger, list or prune a deployed job's savepoints",
  verify: "plan scripts and pipelines with real Flink 1.20.1's planner and connector factories (no cluster, nothing connected)",
} as const satisfies Readonly<Record<string, string>>;

/**
 * What `plan`, `deploy`, `rollback` and `savepoint` share: the pipeline and environment, the deploy target
 * connected from the environment or `--connection <file>`, the deployment records (`--records <dir>`, default
 * `<pipeline folder>/.flinkts/deployments`), Flink's planner for compiled plans (the bridge), and progress lines.
 */
import { join, resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { formatDiagnostic, FlinktsError } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import type { AnyPipeline, Deployer, PipelineArtifacts } from '@flinkts/pipelines';
import { DEPLOY_TARGET_NAMES, DeploymentRecords } from '@flinkts/pipelines';
import { bridgeCompiler, connectTarget, pipelineArtifacts } from '@flinkts/pipelines/internal';
import type { CliIO } from './command.js';
import { EXIT_PROBLEMS, EXIT_USAGE } from './exit-code.js';
import { loadPipeline } from './load-pipeline.js';
import { exitForErrors } from './exit-class.js';

export const DEPLOY_OPTIONS_HELP = `  --env <name>          the environment (required)
  --target <name>       deploy target: ${DEPLOY_TARGET_NAMES.join(', ')} (default gateway). The gateway target reads
                        FLINKTS_SQL_GATEWAY_URL and FLINKTS_FLINK_REST_URL, or --connection
  --connection <file>   JSON file with the target's address and credentials: {"gateway": {"url", "restUrl", "planDir"}},
                        {"streampark": {"url", "username", "password" | "token", "teamId", "versionId", "alertId"}}, {"vvp": {"url", "token",
                        "namespace"}}, {"alibaba": {"url", "accessKeyId", "accessKeySecret", "workspace", "namespace"}}
                        (else FLINKTS_STREAMPARK_* / FLINKTS_VVP_* / FLINKTS_ALIBABA_* variables)
  --secrets <file>      JSON file of secret values (else FLINKTS_SECRET_<NAME> variables); never logged or recorded
  --records <dir>       deployment records (default <pipeline folder>/.flinkts/deployments)
  --json                print the result as JSON on stdout (progress stays on stderr)`;

export const DEPLOY_VALUES = ['env', 'target', 'connection', 'secrets', 'records'] as const;

export interface DeployContext {
  readonly pipeline: AnyPipeline;
  readonly env: string;
  readonly target: string;
  readonly deployer: Deployer;
  readonly shipped: PipelineArtifacts;
}

export function reportDiagnostics(io: CliIO, json: boolean, diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): void {
  if (json) io.stdout(`${JSON.stringify({ ok: false, ...extra, diagnostics }, null, 2)}\n`);
  else for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

/** Usage/configuration problems exit 2; anything the platform or Flink answered exits 1. */
export function exitFor(e: FlinktsError): number {
  return exitForErrors(e.diagnostics);
}

function compilerUrl(io: CliIO): string {
  const given = process.env.FLINKTS_BRIDGE_URL;
  if (given !== undefined && given !== '') return given.replace(/\/$/, '');
  return FlinkBridgeClient.connect({ log: (l) => io.stderr(`${l}\n`) }).bridge.url;
}

/**
 * Whether `--job <name>` names one of the pipeline's jobs (or is absent); else reports it as a usage error for
 * `command` and returns false.
 */
export function knownJob(io: CliIO, command: string, ctx: DeployContext, only: string | undefined): boolean {
  if (only === undefined || ctx.shipped.artifacts.some((a) => a.job === only)) return true;
  io.stderr(`flinkts ${command}: pipeline '${ctx.pipeline.name}' has no job '${only}' (jobs: ${ctx.shipped.artifacts.map((a) => a.job).join(', ')})\n`);
  return false;
}

export async function deployContext(io: CliIO, pipelineArg: string | undefined, values: ReadonlyMap<string, string>, json: boolean): Promise<DeployContext | number> {
  const env = values.get('env');
  if (env === undefined) {
    io.stderr('--env <name> is required\n');
    return EXIT_USAGE;
  }
  const loaded = await loadPipeline(io.cwd, pipelineArg);
  if (!loaded.ok) {
    if (loaded.usage !== undefined) {
      io.stderr(`${loaded.usage}\n`);
      return EXIT_USAGE;
    }
    reportDiagnostics(io, json, loaded.diagnostics);
    return exitForErrors(loaded.diagnostics);
  }
  const targetName = values.get('target') ?? 'gateway';
  try {
    const shipped = pipelineArtifacts(loaded.pipeline, env, targetName);
    const connection = values.get('connection');
    const target = connectTarget(targetName, connection === undefined ? {} : { file: resolve(io.cwd, connection) });
    const records = new DeploymentRecords(resolve(io.cwd, values.get('records') ?? join(loaded.dir, '.flinkts', 'deployments')), loaded.pipeline.name, env, targetName);
    let compiler: ReturnType<typeof bridgeCompiler> | undefined;
    const deployer: Deployer = {
      target,
      records,
      // the bridge is started only when a plan is compiled (never for an unchanged job)
      compiler: {
        compile: (job, statements) => (compiler ??= bridgeCompiler(compilerUrl(io))).compile(job, statements),
        compileWithIds: (job, statements) => (compiler ??= bridgeCompiler(compilerUrl(io))).compileWithIds!(job, statements),
      },
      progress: (line) => io.stderr(`${line}\n`),
    };
    return { pipeline: loaded.pipeline, env, target: targetName, deployer, shipped };
  } catch (e) {
    if (!(e instanceof FlinktsError)) throw e;
    reportDiagnostics(io, json, e.diagnostics);
    return exitForErrors(e.diagnostics);
  }
}

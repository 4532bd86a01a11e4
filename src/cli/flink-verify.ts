/**
 * What `flinkts verify` and `flinkts check --planner flink` plan on real Flink: SQL scripts as written, and
 * every job of a pipeline as compiled for every environment (or one), each through the bridge's planner.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printStatements } from '@flinkts/core';
import { decodeSqlSource } from '@flinkts/core/internal';
import type { Diagnostic } from '@flinkts/core';
import type { DecodedSource } from '@flinkts/core/internal';
import { FlinkBridgeClient, verifyScript } from '@flinkts/core/flink';
import { jobStatements } from '@flinkts/pipelines/internal';
import { isPipelineArgument } from './check-pipelines.js';
import { loadPipeline } from './load-pipeline.js';

export interface PlannedInputs {
  readonly diagnostics: readonly Diagnostic[];
  /** Scripts planned (a pipeline counts one per job and environment). */
  readonly scripts: number;
  /** A usage problem (unreadable file, no pipeline): exit 2. */
  readonly usage?: string;
}

export async function planOnFlink(cwd: string, args: readonly string[], env: string | undefined, readStdin: () => Promise<Uint8Array>, log: (line: string) => void): Promise<PlannedInputs> {
  const client = FlinkBridgeClient.connect({ log });
  const diagnostics: Diagnostic[] = [];
  let scripts = 0;
  for (const arg of args) {
    if (isPipelineArgument(cwd, arg)) {
      const loaded = await loadPipeline(cwd, arg);
      if (!loaded.ok) {
        if (loaded.usage !== undefined) return { diagnostics, scripts, usage: loaded.usage };
        diagnostics.push(...loaded.diagnostics);
        continue;
      }
      const envs = env === undefined ? loaded.pipeline.environmentNames : [env];
      for (const e of envs) {
        for (const job of loaded.pipeline.spec.jobs) {
          let sql: string;
          try {
            sql = printStatements(jobStatements(loaded.pipeline, e, job.name));
          } catch (err) {
            const ds = (err as { diagnostics?: readonly Diagnostic[] }).diagnostics;
            if (ds === undefined) throw err;
            diagnostics.push(...ds.map((d) => ({ ...d, path: `${e}: ${d.path ?? ''}` })));
            continue;
          }
          scripts++;
          const r = await verifyScript(sql, { file: `${loaded.file} [${e}/${job.name}.sql]`, client });
          diagnostics.push(...r.diagnostics.map((d) => ({ ...d, path: `${e}: jobs.${job.name}` })));
        }
      }
      continue;
    }
    let decoded: DecodedSource;
    try {
      decoded = arg === '-' ? decodeSqlSource(await readStdin(), '<stdin>') : decodeSqlSource(readFileSync(resolve(cwd, arg)), arg);
    } catch {
      return { diagnostics, scripts, usage: `cannot read ${arg}` };
    }
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const text = decoded.text;
    scripts++;
    const r = await verifyScript(text, { file: arg === '-' ? '<stdin>' : arg, client });
    diagnostics.push(...r.diagnostics);
  }
  return { diagnostics, scripts };
}

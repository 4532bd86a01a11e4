/**
 * Golden outputs of a pipeline: every environment × target built in memory and compared byte for byte with the
 * files under a golden folder (the folder's file list included, so a stale file fails too).
 * `UPDATE_GOLDEN=1` rewrites the folder.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { AnyPipeline, ArtifactFile } from '@flinkts/pipelines';
import { buildPipeline } from '@flinkts/pipelines';

export function buildEveryEnvironment(p: AnyPipeline): { files: ArtifactFile[]; errors: string[] } {
  const files: ArtifactFile[] = [];
  const errors: string[] = [];
  for (const env of p.environmentNames) {
    const r = buildPipeline(p, { env });
    errors.push(...r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${env}: ${d.code} ${d.message} (${d.path})`));
    files.push(...r.files);
  }
  return { files, errors };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The golden folder's files, after rewriting them when UPDATE_GOLDEN=1. */
export function goldenFiles(dir: string, built: readonly ArtifactFile[]): Map<string, string> {
  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(dir, { recursive: true, force: true });
    for (const f of built) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
  }
  return new Map(listFiles(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
}

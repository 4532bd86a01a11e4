/**
 * Writes a build's files so that every `<out>/<env>/<target>/` folder holds exactly them afterwards, as removing
 * those folders and writing everything would — but a file whose bytes are already there is left alone, and only
 * what the build no longer produces (files, symbolic links, then emptied folders) is removed. A rebuild of an
 * unchanged pipeline writes nothing; a changed one rewrites only what changed.
 */
import type { Dirent } from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ArtifactFile } from '@flinkts/pipelines';
import { TARGET_NAMES } from '@flinkts/pipelines';

/**
 * Removes from `dir` what is not wanted, and adds the wanted files it keeps to `kept`; true when `dir` is gone (it
 * ended up empty, or never existed).
 */
function removeUnwanted(dir: string, wanted: ReadonlyMap<string, string>, keptFiles: Set<string>): boolean {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  let kept = 0;
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      // A folder where a file is wanted goes entirely; otherwise only what it holds that is not wanted.
      if (wanted.has(path)) rmSync(path, { recursive: true, force: true });
      else if (!removeUnwanted(path, wanted, keptFiles)) kept++;
    } else if (e.isSymbolicLink() || !wanted.has(path)) {
      // A link is never written through (it could point outside the output folder): it is replaced by a file.
      rmSync(path, { force: true });
    } else {
      keptFiles.add(path);
      kept++;
    }
  }
  if (kept > 0) return false;
  rmdirSync(dir);
  return true;
}

function sameBytes(path: string, content: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(content, 'utf8'));
  } catch {
    return false;
  }
}

/** Writes `files` (paths relative to `out`) for `envs`, leaving each environment's target folders holding exactly them. */
export function writeArtifacts(out: string, envs: readonly string[], files: readonly ArtifactFile[]): void {
  const wanted = new Map(files.map((f) => [join(out, f.path), f.content]));
  // The target folders are walked anyway: a wanted file in them that the walk did not find is written without
  // trying to read it first (a first build of 2,700 files paid for as many failed reads).
  const walked = envs.flatMap((env) => TARGET_NAMES.map((t) => `${join(out, env, t)}${sep}`));
  const existing = new Set<string>();
  for (const root of walked) removeUnwanted(root.slice(0, -1), wanted, existing);
  const made = new Set<string>(); // folders created (or found) already: one mkdir per folder, not per file
  for (const [path, content] of wanted) {
    const mayExist = existing.has(path) || !walked.some((root) => path.startsWith(root));
    if (mayExist && sameBytes(path, content)) continue;
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, content);
  }
}

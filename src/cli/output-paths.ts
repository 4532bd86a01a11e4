/**
 * Where `build` may write: only inside its output folder. Every environment name and every segment of an
 * artifact's path must be a plain file name (letters, digits, `.`, `_`, `-`; not `.` or `..`), checked before
 * anything is removed or written, so a job or environment named `../x` can neither write nor delete outside `--out`.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { CLI_TEXTS } from './codes.js';

const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

function unsafe(payload: Parameters<typeof CLI_TEXTS.unsafePathSegment>[0], path: string): Diagnostic {
  return { ...textFields(CLI_TEXTS.unsafePathSegment(payload)), severity: 'error', path };
}

/** Problems with the names `build` would write under `out`; empty when every path stays inside it. */
export function outputPathProblems(out: string, envs: readonly string[], files: readonly { readonly path: string }[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const env of envs) {
    if (!SAFE_SEGMENT.test(env)) problems.push(unsafe({ kind: 'environment', name: env }, `environments.${env}`));
  }
  for (const f of files) {
    const segments = f.path.split(/[\\/]/);
    const bad = segments.find((s) => !SAFE_SEGMENT.test(s));
    const target = resolve(out, f.path);
    const rel = relative(out, target);
    if (bad !== undefined || isAbsolute(f.path) || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
      problems.push(unsafe({ kind: 'artifact', path: f.path, segment: bad }, f.path));
    }
  }
  return problems;
}

/** A problem with `--out` itself: it exists and is not a folder. */
export function outFolderProblem(out: string): Diagnostic | undefined {
  let isFile = false;
  try {
    isFile = !statSync(out).isDirectory();
  } catch {
    return undefined;
  }
  return isFile ? { ...textFields(CLI_TEXTS.outIsFile({ out })), severity: 'error', path: 'out' } : undefined;
}

/**
 * Writes generated files all-or-nothing: everything goes to a temporary folder beside the destination first, and
 * only when every file is written is each one renamed into place (a rename within one file system is atomic), so a
 * failure never leaves half a module or half a set of modules in the output folder.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface OutputFile {
  /** Where the file goes (absolute, or relative to `base`). */
  readonly path: string;
  readonly text: string;
}

export function writeAtomically(base: string, files: readonly OutputFile[]): string[] {
  if (files.length === 0) return [];
  const targets = files.map((f) => resolve(base, f.path));
  const root = commonDir(targets.map(dirname));
  mkdirSync(root, { recursive: true });
  const temp = mkdtempSync(join(root, '.flinkts-tmp-'));
  try {
    targets.forEach((target, i) => {
      const staged = join(temp, relative(root, target));
      mkdirSync(dirname(staged), { recursive: true });
      writeFileSync(staged, files[i]!.text);
    });
    for (const target of targets) {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(temp, relative(root, target)), target);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return targets;
}

function commonDir(dirs: readonly string[]): string {
  let common = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (!(`${d}/`.startsWith(`${common}/`) || d === common)) common = dirname(common);
  }
  return common;
}

/**
 * A cache of compiled `flinkts.config.ts` modules, so that a CLI run on an unchanged config does not start esbuild
 * at all (importing esbuild and its service process is about a tenth of a whole `flinkts build`). One entry per
 * config file and compile options, in `node_modules/.cache/flinkts/` of the nearest `node_modules` above the config
 * (where Vite, Babel and jiti keep theirs), or in the OS temp folder when there is none. An entry holds the
 * compiled code and the SHA-256 of every file esbuild read for it (the config, the local modules it imports, the
 * nearest tsconfig.json); it is used only when every one of those files still has that hash, so an edit to any of
 * them compiles again. The cache only ever saves work: an entry that cannot be read or written is ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Bump when what is cached, or how it is compiled, changes. */
const FORMAT = 1;

interface Entry {
  readonly format: number;
  /** Absolute path → SHA-256 (hex) of its bytes when the code was compiled. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly code: string;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function nearestUp(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The folder the entries of configs in `configDir` are kept in. */
export function cacheDir(configDir: string): string {
  const modules = nearestUp(configDir, 'node_modules');
  return modules === undefined ? join(tmpdir(), 'flinkts-config-cache') : join(modules, '.cache', 'flinkts');
}

/** The nearest tsconfig.json above the config: its settings change what esbuild emits. */
export const nearestTsconfig = (configDir: string): string | undefined => nearestUp(configDir, 'tsconfig.json');

const entryFile = (file: string, variant: string): string => join(cacheDir(dirname(file)), `config-${sha256(`${FORMAT}\0${file}\0${variant}`).slice(0, 32)}.json`);

/** The cached code of `file` compiled as `variant` (compile options, compiler version), when no input changed. */
export function cachedCode(file: string, variant: string): string | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryFile(file, variant), 'utf8')) as Entry;
    if (entry.format !== FORMAT || typeof entry.code !== 'string') return undefined;
    for (const [path, hash] of Object.entries(entry.inputs)) if (sha256(readFileSync(path)) !== hash) return undefined;
    return entry.code;
  } catch {
    return undefined;
  }
}

/** Stores `code`, compiled from `inputs` (absolute paths); written to a temporary name and renamed into place. */
export function storeCode(file: string, variant: string, inputs: readonly string[], code: string): void {
  try {
    const hashes: Record<string, string> = {};
    for (const path of [...new Set(inputs)].sort()) hashes[path] = sha256(readFileSync(path));
    const to = entryFile(file, variant);
    mkdirSync(dirname(to), { recursive: true });
    const temp = `${to}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ format: FORMAT, inputs: hashes, code } satisfies Entry));
    renameSync(temp, to);
  } catch {
    // a read-only node_modules or temp folder: the next run compiles again
  }
}

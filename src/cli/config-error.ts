/**
 * Turns an exception thrown while a user's config module loads into diagnostics at the user's own file and line.
 * The TypeScript loader keeps source maps on, so stack frames of the user's `.ts` files carry their real lines; the
 * first frame outside flinkts's own code and node_modules is where the user's code called in.
 */
import { realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, SourcePosition } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { cliDir } from './package-root.js';
import { CLI_TEXTS } from './codes.js';

interface Frame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `at fn (file:///a/b.ts:12:5)` / `at /a/b.ts:12:5` → the file and position. */
function frames(stack: string): Frame[] {
  const out: Frame[] = [];
  for (const line of stack.split('\n')) {
    const m = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/.exec(line);
    if (m === null) continue;
    let file = m[1]!;
    if (file.startsWith('node:') || file.startsWith('internal/')) continue;
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file.split('?')[0]!);
      } catch {
        continue;
      }
    }
    out.push({ file, line: Number(m[2]), column: Number(m[3]) });
  }
  return out;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Folders of flinkts's own code (the CLI and every package), as real paths. */
function ownRoots(): string[] {
  const roots = [dirname(cliDir)];
  for (const pkg of ['@flinkts/core', '@flinkts/connectors', '@flinkts/pipelines']) {
    try {
      roots.push(dirname(fileURLToPath(import.meta.resolve(pkg))));
    } catch {
      // not installed next to the CLI: its frames are in node_modules anyway
    }
  }
  return roots.map((r) => real(r) + sep);
}

/** The user's frame nearest to the throw: not flinkts's code, not a dependency, not Node's. */
export function userFrame(error: unknown): Frame | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (stack === undefined) return undefined;
  const own = ownRoots();
  return frames(stack).find((f) => {
    const path = real(f.file);
    return !path.includes(`${sep}node_modules${sep}`) && !own.some((r) => path.startsWith(r));
  });
}

const at = (f: Frame): SourcePosition => ({ line: f.line, column: f.column, offset: 0 });

interface CompileMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number } | null;
}

/** esbuild's failure (a syntax error, an import of a file that does not exist): its messages with their positions. */
function compileMessages(error: unknown): readonly CompileMessage[] | undefined {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.every((e) => typeof (e as CompileMessage).text === 'string') ? (errors as CompileMessage[]) : undefined;
}

/** Whether the config failed to compile (esbuild's error, which carries positions of its own). */
export const isCompileError = (error: unknown): boolean => (compileMessages(error)?.length ?? 0) > 0;

/** The diagnostics for an exception thrown while `configFile` loaded. */
export function configLoadDiagnostics(error: unknown, configFile: string): Diagnostic[] {
  const compile = compileMessages(error);
  if (compile !== undefined && compile.length > 0) {
    return compile.map((m) => {
      const loc = m.location ?? undefined;
      const pos = loc === undefined ? undefined : { line: loc.line, column: loc.column + 1, offset: 0 };
      return {
        ...textFields(CLI_TEXTS.configLoad({ kind: 'compile', error: m.text })),
        severity: 'error',
        file: loc === undefined ? configFile : resolve(dirname(configFile), loc.file),
        ...(pos === undefined ? {} : { span: { start: pos, end: pos } }),
      };
    });
  }
  const frame = userFrame(error);
  const where = frame === undefined ? { file: configFile } : { file: frame.file, span: { start: at(frame), end: at(frame) } };
  if (error instanceof FlinktsError) {
    return error.diagnostics.map((d) => (d.file !== undefined ? d : { ...d, ...where }));
  }
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const syntax = error instanceof SyntaxError;
  const internal = error instanceof TypeError && frame !== undefined && frames((error as Error).stack ?? '')[0]?.file !== frame.file;
  return [
    {
      ...textFields(CLI_TEXTS.configLoad({ kind: internal ? 'misuse' : syntax ? 'syntax' : 'thrown', error: message })),
      severity: 'error',
      ...where,
    },
  ];
}

/**
 * The fixes `flinkts import` applies to SQL text because they are certain: an unquoted reserved word used as a
 * name is back-quoted (FTS1002), `USE DATABASE x` becomes `USE x` (FTS1005). Each fix is reported as a note at
 * its line. A statement that still does not parse is refused: the others are imported, and the refused one is
 * kept as written (its text, where it starts and ends, the parser's diagnostics) to be carried as a comment.
 */
import { parseScript } from '@flinkts/core';
import type { Diagnostic, Script } from '@flinkts/core';
import { splitStatements } from '@flinkts/core/flink';
import { textFields } from '@flinkts/core/internal';
import { IMPORT_TEXTS } from './codes.js';
import { SQL_CODES } from '@flinkts/core';

/** A statement the parser rejects even after the certain fixes, as written. */
export interface RefusedStatement {
  /** Its text with its leading comments, as written (the certain fixes aside), without the `;`. */
  readonly text: string;
  /** 1-based lines of its first and last non-blank characters in the user's file. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The parser's diagnostics on it, at the user's positions. */
  readonly errors: readonly Diagnostic[];
  /** The index, in the fixed script's statements, of the first statement after it (its place in order). */
  readonly before: number;
}

export interface FixedScript {
  readonly text: string;
  /** The statements that parse (undefined when the text cannot even be split into tokens). */
  readonly script?: Script;
  /** Notes on the fixes applied (FTS9130). */
  readonly notes: readonly Diagnostic[];
  /** What still does not parse, statement by statement. */
  readonly refused: readonly RefusedStatement[];
  /** Errors that stop the whole file (its text cannot be read into tokens). */
  readonly errors: readonly Diagnostic[];
}

interface Edit {
  readonly offset: number;
  readonly length: number;
  readonly replacement: string;
  readonly note: string;
}

function editFor(text: string, d: Diagnostic): Edit | undefined {
  const at = d.span?.start.offset;
  if (at === undefined) return undefined;
  if (d.code === SQL_CODES.reservedWord) {
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))?.[0];
    if (word === undefined) return undefined;
    return { offset: at, length: word.length, replacement: `\`${word}\``, note: `quoted the reserved word ${word} as \`${word}\`` };
  }
  if (d.code === SQL_CODES.useDatabase) {
    const m = /^DATABASE\s+/i.exec(text.slice(at)) ?? /^USE\s+DATABASE\s+/i.exec(text.slice(at));
    if (m === null) return undefined;
    return m[0].toUpperCase().startsWith('USE') ? { offset: at, length: m[0].length, replacement: 'USE ', note: "wrote 'USE DATABASE name' as 'USE name'" } : { offset: at, length: m[0].length, replacement: '', note: "wrote 'USE DATABASE name' as 'USE name'" };
  }
  return undefined;
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

export function applyCertainFixes(original: string, file: string): FixedScript {
  let text = original;
  const notes: Diagnostic[] = [];
  // Offsets in the original text of the edits so far, to report each note at the user's line.
  const shifts: { at: number; delta: number }[] = [];
  const originalOffset = (offset: number): number => [...shifts].reverse().reduce((o, s) => (s.at < o ? o - s.delta : o), offset);
  for (let round = 0; round < 1000; round++) {
    const { script, diagnostics } = parseScript(text, { file });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return { text, script, notes, refused: [], errors: [] };
    const edits = errors.map((d) => editFor(text, d)).filter((e): e is Edit => e !== undefined);
    if (edits.length === 0) {
      // A file where no statement parses (or whose text cannot be read into tokens) has nothing to import.
      if (script.statements.length === 0 || errors.some((d) => d.span === undefined)) return { text, notes, refused: [], errors };
      return { text, script, notes, refused: refusedStatements(text, original, script, errors, originalOffset), errors: [] };
    }
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
      const line = lineOf(original, originalOffset(e.offset));
      notes.push({ ...textFields(IMPORT_TEXTS.fixed({ line, fix: e.note })), severity: 'info', file });
      text = text.slice(0, e.offset) + e.replacement + text.slice(e.offset + e.length);
      shifts.push({ at: e.offset, delta: e.replacement.length - e.length });
    }
  }
  return { text, notes, refused: [], errors: [{ ...textFields(IMPORT_TEXTS.notImported({ kind: 'unsettled' })), severity: 'error', file }] };
}

/** The statements (split at top-level `;` like Flink's client does) that hold the parser's errors. */
function refusedStatements(text: string, original: string, script: Script, errors: readonly Diagnostic[], originalOffset: (offset: number) => number): RefusedStatement[] {
  const pieces = splitStatements(text);
  const out: RefusedStatement[] = [];
  for (const piece of pieces) {
    const end = piece.offset + piece.text.length;
    const inside = errors.filter((d) => d.span!.start.offset >= piece.offset && d.span!.start.offset <= end);
    if (inside.length === 0) continue;
    const lead = piece.text.length - piece.text.trimStart().length;
    const start = piece.offset + lead;
    const last = piece.offset + piece.text.trimEnd().length;
    const from = originalOffset(start);
    const to = originalOffset(last);
    out.push({
      text: original.slice(from, to),
      firstLine: lineOf(original, from),
      lastLine: lineOf(original, to),
      errors: inside.map((d) => atOriginal(d, original, originalOffset)),
      before: script.statements.filter((s) => s.span !== undefined && s.span.start.offset < start).length,
    });
  }
  return out;
}

function atOriginal(d: Diagnostic, original: string, originalOffset: (offset: number) => number): Diagnostic {
  if (d.span === undefined) return d;
  const position = (offset: number) => {
    const o = originalOffset(offset);
    const before = original.slice(0, o);
    return { offset: o, line: before.split('\n').length, column: o - before.lastIndexOf('\n') };
  };
  return { ...d, span: { start: position(d.span.start.offset), end: position(d.span.end.offset) } };
}

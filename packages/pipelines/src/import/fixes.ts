/**
 * The fixes `flinkts import` applies to SQL text because they are certain: an unquoted reserved word used as a
 * name is back-quoted (FTS1002), `USE DATABASE x` becomes `USE x` (FTS1005). Each fix is reported as a note at
 * its line; everything else the parser reports stops the import.
 */
import { parseScript } from '@flinkts/core';
import type { Diagnostic, Script } from '@flinkts/core';
import { IMPORT_CODES } from './codes.js';

export interface FixedScript {
  readonly text: string;
  readonly script?: Script;
  /** Notes on the fixes applied (FTS9130). */
  readonly notes: readonly Diagnostic[];
  /** What still does not parse. */
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
  if (d.code === 'FTS1002') {
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))?.[0];
    if (word === undefined) return undefined;
    return { offset: at, length: word.length, replacement: `\`${word}\``, note: `quoted the reserved word ${word} as \`${word}\`` };
  }
  if (d.code === 'FTS1005') {
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
  const originalOffset = (offset: number): number => shifts.reduce((o, s) => (s.at < o ? o - s.delta : o), offset);
  for (let round = 0; round < 1000; round++) {
    const { script, diagnostics } = parseScript(text, { file });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return { text, script, notes, errors: [] };
    const edits = errors.map((d) => editFor(text, d)).filter((e): e is Edit => e !== undefined);
    if (edits.length === 0) return { text, notes, errors };
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
      const line = lineOf(original, originalOffset(e.offset));
      notes.push({ code: IMPORT_CODES.fixed, severity: 'info', message: `line ${line}: ${e.note}`, file });
      text = text.slice(0, e.offset) + e.replacement + text.slice(e.offset + e.length);
      shifts.push({ at: e.offset, delta: e.replacement.length - e.length });
    }
  }
  return { text, notes, errors: [{ code: IMPORT_CODES.notImported, severity: 'error', message: 'the script did not settle after the automatic fixes', file }] };
}

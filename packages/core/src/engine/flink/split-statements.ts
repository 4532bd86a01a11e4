/**
 * Splits a Flink SQL script into statements at top-level semicolons — outside string literals, quoted
 * identifiers, comments and `EXECUTE STATEMENT SET BEGIN … END` blocks — keeping each statement's text exactly
 * as written and where it starts, so the planner's positions map back to the script.
 */

export interface ScriptStatement {
  /** The statement's text, leading comments included, without its `;`. */
  readonly text: string;
  /** 0-based offset of `text` in the script. */
  readonly offset: number;
}

export function splitStatements(script: string): ScriptStatement[] {
  const out: ScriptStatement[] = [];
  let start = 0;
  let depth = 0; // inside EXECUTE STATEMENT SET BEGIN … END
  let i = 0;
  const n = script.length;
  const word = (at: number): string => /^[A-Za-z_]+/.exec(script.slice(at, at + 16))?.[0]?.toUpperCase() ?? '';
  while (i < n) {
    const c = script[i] as string;
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      // A line comment ends at LF or at CR (a CR-only line end too), as in Flink's lexer.
      i += 2;
      while (i < n && script[i] !== '\n' && script[i] !== '\r') i++;
    } else if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '`' || c === '"') {
      i++;
      while (i < n) {
        if (script[i] === c) {
          if (script[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (/[A-Za-z_]/.test(c) && (i === 0 || !/[\w$]/.test(script[i - 1] as string))) {
      const w = word(i);
      if (w === 'BEGIN' && /EXECUTE\s+STATEMENT\s+SET\s*$/i.test(script.slice(start, i))) depth++;
      else if (w === 'END' && depth > 0 && /;\s*$/.test(script.slice(start, i))) depth--;
      i += Math.max(1, w.length);
    } else if (c === ';' && depth === 0) {
      push(start, i);
      start = i + 1;
      i++;
    } else i++;
  }
  push(start, n);
  return out;

  function push(from: number, to: number): void {
    const text = script.slice(from, to);
    if (stripComments(text).trim() !== '') out.push({ text, offset: from });
  }
}

function stripComments(text: string): string {
  return text.replace(/--[^\n\r]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

/** 1-based line and column of an offset in `text`. */
export function positionAt(text: string, offset: number): { readonly line: number; readonly column: number; readonly offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** The offset of 1-based `line`/`column` counted from `from` in `text`. */
export function offsetOf(text: string, from: number, line: number, column: number): number {
  let at = from;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + column - 1);
}

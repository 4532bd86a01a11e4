/**
 * Comments in `fmt`'s output stay next to the token they were written next to. Each comment of the input is
 * anchored to a token: *trailing* the token before it when it starts on the line that token ends on
 * (`FROM t1 -- the orders`), else *leading* the token after it (a comment on its own line). The script is printed
 * without comments; its tokens are matched to the input's, statement by statement (a longest common subsequence:
 * the printer adds back-quotes, AS and parentheses, and drops redundant ones), and each comment is put back
 * beside the printed form of its token — trailing on that token's line, leading on a line of its own before it.
 * Formatting the output again anchors every comment to the same token, so the result is idempotent.
 */
import type { Diagnostic, Statement, Token } from '@flinkts/core';
import { formatDiagnostic, printStatement } from '@flinkts/core';
import { sameAst, ScriptReader, textFields, tokenize } from '@flinkts/core/internal';
import { CLI_TEXTS } from './codes.js';

type Anchor = { readonly comment: Token; readonly token: number; readonly trailing: boolean };

/** Statements above this size (input tokens × printed tokens) are matched by their first and last token only. */
const MAX_MATCH_CELLS = 4_000_000;

const isComment = (t: Token): boolean => t.kind === 'comment';

/** The text with every comment replaced by spaces (line ends kept): same positions, no comments. */
export function withoutComments(text: string, tokens: readonly Token[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const t of tokens) {
    if (!isComment(t)) continue;
    parts.push(text.slice(last, t.start.offset), t.text.replace(/[^\r\n]/g, ' '));
    last = t.end.offset;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Which token each comment belongs to (indexes into the significant tokens, eof excluded). */
export function anchorComments(tokens: readonly Token[]): { readonly significant: Token[]; readonly anchors: Anchor[] } {
  // Counted first, so the significant tokens fill one array of their length (a run's few hundred, in `survives`,
  // were an array grown push by push: a copy of it per growth).
  let count = 0;
  let end = 0;
  for (; end < tokens.length && tokens[end]!.kind !== 'eof'; end++) if (!isComment(tokens[end]!)) count++;
  const significant = new Array<Token>(count);
  // Made here, so changed in place below (a trailing comment's token and side).
  const anchors: { comment: Token; token: number; trailing: boolean }[] = [];
  for (let i = 0, n = 0; i < end; i++) {
    const t = tokens[i]!;
    if (!isComment(t)) significant[n++] = t;
    else anchors.push({ comment: t, token: n, trailing: false });
  }
  // Comments after a token on its line trail it, unless the token after them is on that line too
  // (`a, /* the buyer */ buyer` leads `buyer`). A `--` comment ends its line, so it and those before it trail.
  for (let k = 0; k < anchors.length; ) {
    const gap = anchors[k]!.token;
    let end = k;
    while (end < anchors.length && anchors[end]!.token === gap) end++;
    const before = significant[gap - 1];
    let line = before?.end.line;
    let chain = k;
    for (; chain < end; chain++) {
      const c = anchors[chain]!.comment;
      if (c.start.line !== line) break;
      const follower = chain + 1 < end ? anchors[chain + 1]!.comment : significant[gap];
      if (c.text.startsWith('--') || follower === undefined || follower.start.line !== c.end.line) {
        chain++;
        for (let t = k; t < chain; t++) {
          anchors[t]!.token = gap - 1;
          anchors[t]!.trailing = true;
        }
        break;
      }
      if (chain + 1 >= end) break; // the token after is on this line: they lead it
      line = c.end.line;
    }
    k = end;
  }
  return { significant, anchors };
}

/** A token's identity for matching input to printed output (identifiers and keywords case-insensitive). */
function key(t: Token): string {
  switch (t.kind) {
    case 'word':
    case 'quoted':
      return `i${t.value.toUpperCase()}`;
    case 'string':
      return `s${t.value}`;
    case 'op':
      return `o${t.value === '!=' ? '<>' : t.value}`;
    case 'hint':
      return 'h';
    default:
      return `${t.kind[0]}${t.text.toUpperCase()}`;
  }
}

/** The text `key` puts after its class letter, and whether `key` upper-cases it. */
function keyText(t: Token): string {
  switch (t.kind) {
    case 'word':
    case 'quoted':
    case 'string':
      return t.value;
    case 'op':
      return t.value === '!=' ? '<>' : t.value;
    case 'hint':
      return '';
    default:
      return t.text;
  }
}

/** `key`'s class letter: 'i' for identifiers and keywords (and, as `t.kind[0]`, 'invalid'), else the kind's first. */
function keyClass(t: Token): string {
  return t.kind === 'word' || t.kind === 'quoted' ? 'i' : t.kind[0]!;
}

/**
 * `key(a) === key(b)`, without making the two strings (most tokens of a printed statement are the input's, and the
 * common prefix compares them all): the same class letter and the same text, upper-cased where `key` upper-cases it.
 */
function sameKey(a: Token, b: Token): boolean {
  if (keyClass(a) !== keyClass(b)) return false;
  const x = keyText(a);
  const y = keyText(b);
  if (x === y) return true;
  return a.kind !== 'string' && a.kind !== 'op' && a.kind !== 'hint' && x.toUpperCase() === y.toUpperCase();
}

/** Matches `a[i]` to `b[j]` along a longest common subsequence of their keys; writes b's index (or leaves -1). */
function match(a: readonly Token[], aFrom: number, aTo: number, b: readonly Token[], bFrom: number, bTo: number, out: number[]): void {
  // A common prefix is matched as the table below would match it (equal keys first), without the table.
  while (aFrom < aTo && bFrom < bTo && sameKey(a[aFrom]!, b[bFrom]!)) out[aFrom++] = bFrom++;
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  if (n === 0 || m === 0) return;
  if (n * m > MAX_MATCH_CELLS) {
    out[aFrom] = bFrom;
    out[aTo - 1] = bTo - 1;
    return;
  }
  const ka = Array.from({ length: n }, (_, i) => key(a[aFrom + i]!));
  const kb = Array.from({ length: m }, (_, j) => key(b[bFrom + j]!));
  // table[i][j]: the LCS length of ka[i..] and kb[j..].
  const w = m + 1;
  const table = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = ka[i] === kb[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (ka[i] === kb[j]) {
      out[aFrom + i] = bFrom + j;
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) i++;
    else j++;
  }
}

/** The spaces and tabs that begin the line `offset` is on, up to `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < offset && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  return text.slice(lineStart, end);
}

/** The map of a statement without comments (never written). A plain array: a typed array per commented statement cost more to make. */
const NO_MAP: number[] = [];

/** A refusal carries its diagnostics (the command's exit code comes from their codes) and their text. */
export type FormatResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly errors: string };

/** A refused format: the diagnostics, and their text as the command prints it. */
export function refused(diagnostics: readonly Diagnostic[]): FormatResult {
  return { ok: false, diagnostics, errors: diagnostics.map(formatDiagnostic).join('\n') };
}

// The helpers below are module functions, not `const` arrows made per call: the bundle keeps function names
// (scripts/bundle.mjs, keepNames), so each such arrow cost a defineProperty per call — on 100,000 statements with
// two comments each, ~0.13 s of fmt's CPU.

/** A token as a comment's place names it (words upper-cased; '' past the end). */
function placeToken(t: Token | undefined): string {
  return t === undefined ? '' : t.kind === 'quoted' || t.kind === 'word' ? t.value.toUpperCase() : t.value;
}

/**
 * `placeToken(x) === placeToken(y)`, without upper-casing both when they are written alike (the printed token is most
 * often the input's, back-quoted or not).
 */
function samePlaceToken(x: Token | undefined, y: Token | undefined): boolean {
  if (x !== undefined && y !== undefined && x.value === y.value && (x.kind === 'quoted' || x.kind === 'word') === (y.kind === 'quoted' || y.kind === 'word')) return true;
  return placeToken(x) === placeToken(y);
}

/**
 * A comment's place (expected against found, in `survives`): whether it trails or leads, the token it is anchored to
 * (compared as `placeToken` names it) and its text, trimmed.
 */
type Place = { readonly trailing: boolean; readonly token: Token | undefined; readonly text: string };

function place(significant: readonly Token[], a: Anchor): Place {
  return { trailing: a.trailing, token: significant[a.token], text: a.comment.value.trim() };
}

function samePlace(p: Place, q: Place): boolean {
  return p.trailing === q.trailing && p.text === q.text && samePlaceToken(p.token, q.token);
}

/**
 * A comment as printed: line ends as LF, no spaces or tabs at the end of its lines. Most comments are one line with
 * nothing to take away; they are not run through the two replacements (`$` with the m flag is also before a CR, U+2028
 * or U+2029, so only a text with none of them and no space or tab at its end is known to come out unchanged).
 */
function commentText(text: string): string {
  return /[\r\n\u2028\u2029]|[ \t]$/.test(text) ? text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '') : text;
}

/** Adds `comment` to the gap `j` of `to`. */
function addComment(to: Map<number, string[]>, j: number, comment: string): void {
  (to.get(j) ?? to.set(j, []).get(j)!).push(comment);
}

/**
 * One statement's piece of the output: its printed text with the comments anchored to its tokens put back beside
 * them. `input` are the input's significant tokens of the statement (from the end of the previous one's: stray `;`
 * included), `anchors` index into them. `first` / `last`: the piece starts / ends the output (else a blank line
 * comes before it, and what follows it begins on a line of its own).
 */
function printPiece(text: string, output: readonly Token[], input: readonly Token[], map: readonly number[], anchors: readonly Anchor[], first: boolean, last: boolean): string {
  if (anchors.length === 0) return text;
  // Comments per gap: leading[j] go before printed token j (j = output.length: after the last), trailing[j] after it.
  const leading = new Map<number, string[]>();
  const trailing = new Map<number, string[]>();
  // The gaps that get a comment (j: before printed token j), so the loop below visits only those.
  const gaps: number[] = [];
  for (const a of anchors) {
    const comment = commentText(a.comment.text);
    if (a.trailing) {
      let k = a.token;
      while (k >= 0 && map[k]! < 0) k--;
      if (k >= 0) {
        addComment(trailing, map[k]!, comment);
        gaps.push(map[k]! + 1);
      } else {
        addComment(leading, 0, comment);
        gaps.push(0);
      }
    } else {
      let k = a.token;
      while (k < input.length && map[k]! < 0) k++;
      const j = k < input.length ? map[k]! : output.length;
      addComment(leading, j, comment);
      gaps.push(j);
    }
  }
  // In order (a few, nearly always in order already: insertion, no allocation as Array.prototype.sort makes).
  for (let g = 1; g < gaps.length; g++) {
    const j = gaps[g]!;
    let h = g;
    for (; h > 0 && gaps[h - 1]! > j; h--) gaps[h] = gaps[h - 1]!;
    gaps[h] = j;
  }

  const parts: string[] = [];
  let copied = 0;
  for (let g = 0; g < gaps.length; g++) {
    const j = gaps[g]!;
    if (g > 0 && j === gaps[g - 1]) continue;
    const lead = leading.get(j);
    const trail = trailing.get(j - 1);
    if (lead === undefined && trail === undefined) continue;
    const atStart = j === 0 && first;
    // The gap between printed token j-1 and token j: only white space in the printed text.
    const gapStart = j === 0 ? 0 : output[j - 1]!.end.offset;
    const gapEnd = j === output.length ? text.length : output[j]!.start.offset;
    const gap = text.slice(gapStart, gapEnd);
    if (j === output.length && !last) {
      // The end of a piece another follows: its trailing comments end the line the next piece's blank line begins.
      parts.push(text.slice(copied, gapStart), ` ${trail!.join(' ')}`);
      copied = gapEnd;
      continue;
    }
    const nextIndent = j === output.length ? '' : gap.includes('\n') || j === 0 ? indentationAt(text, gapEnd) : `${indentationAt(text, gapStart)}  `;
    let fill = '';
    if (trail !== undefined) fill += ` ${trail.join(' ')}`;
    // A line break after trailing comments: what followed them on the line would otherwise make them lead it.
    const lineComment = trail !== undefined;
    const inline = lead !== undefined && j < output.length && lead.every((c) => c.startsWith('/*') && !c.includes('\n'));
    if (inline) {
      // One-line /* */ comments stay on the line of the token they lead.
      if (lineComment) fill += `\n${gap.includes('\n') ? gap.slice(gap.lastIndexOf('\n') + 1) : nextIndent}`;
      else fill += atStart ? '' : gap;
      fill += `${lead!.join(' ')} `;
    } else if (lead !== undefined) {
      const lines = lead.map((c) => `${nextIndent}${c}\n`).join('');
      if (atStart) fill = lines + nextIndent;
      else if (j === output.length) fill += `\n${lines}`;
      else fill += `\n${lines}${nextIndent}`;
    } else if (j === output.length) fill += '\n';
    else if (lineComment || gap.includes('\n')) fill += `\n${gap.includes('\n') ? gap.slice(gap.lastIndexOf('\n') + 1) : nextIndent}`;
    else fill += gap;
    // A blank line between statements stays.
    if ((j > 0 || !first) && j < output.length && /\n[ \t]*\n/.test(gap) && !/\n[ \t]*\n/.test(fill)) fill = fill.replace(/\n/, '\n\n');
    parts.push(text.slice(copied, gapStart), fill);
    copied = gapEnd;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * A lexed slice without its comments (the slice itself when it has none), in an array made at its full length as
 * the lexer makes its slices (`filter` grows a new array push by push): V8 then sees one kind of array in the parser's cursor — a slice with comments
 * (filtered) and one without (as lexed) were two, and the cursor's `peek`, inlined into every parser function,
 * deoptimized them all at once when the second kind came (fmt of 100,000 commented statements: 40 deopts and 37
 * re-compiles by TurboFan).
 */
function withoutCommentTokens(slice: Token[]): Token[] {
  let n = 0;
  for (const t of slice) if (!isComment(t)) n++;
  // no comment: the slice itself
  if (n === slice.length) return slice;
  const out = new Array<Token>(n);
  let i = 0;
  for (const t of slice) if (!isComment(t)) out[i++] = t;
  return out;
}

/** The arrays one after the other, in one array made at its full length. */
function concatAll(arrays: readonly (readonly Token[])[]): Token[] {
  let n = 0;
  for (const a of arrays) n += a.length;
  const out = new Array<Token>(n);
  let i = 0;
  for (const a of arrays) for (const t of a) out[i++] = t;
  return out;
}

/**
 * Whether `text` (printed statements with their comments, one piece each) parses to `statements` with no error and
 * carries the comments `expected` (see `Place`) — the round trip of a run of statements, checked together so the
 * parser is set up once per run, not once per statement (pieces anchor their comments as they would alone: each
 * starts on a line of its own).
 */
function survives(text: string, statements: readonly Statement[], expected: readonly Place[]): boolean {
  // The tokens are kept (to anchor the comments found) only when comments are expected: without, any comment fails.
  const keep = expected.length > 0;
  // The run's slices as lexed (put together once at the end, not token by token).
  const slices: Token[][] = [];
  let comments = false;
  const reader = new ScriptReader(text, {}, (slice) => {
    if (keep) slices.push(slice);
    const parsed = withoutCommentTokens(slice);
    if (parsed !== slice) comments = true;
    return parsed;
  });
  for (const statement of statements) {
    const parsed = reader.next();
    if (parsed === undefined || !sameAst(parsed, statement)) return false;
  }
  if (reader.next() !== undefined || reader.lexError() !== undefined || reader.diagnostics.length > 0) return false;
  if (!keep) return !comments;
  const { significant, anchors } = anchorComments(slices.length === 1 ? slices[0]! : concatAll(slices));
  if (anchors.length !== expected.length) return false;
  for (let i = 0; i < anchors.length; i++) if (!samePlace(place(significant, anchors[i]!), expected[i]!)) return false;
  return true;
}

/**
 * Statements whose round trip is checked together (see `survives`). Few: the run's statements (trees and printed
 * pieces) live until it is checked, and with 256 they outlived scavenges and were promoted — `fmt` of a 10 MB script
 * spent a third of its CPU time in the garbage collector (bench/hostile.bench.ts).
 */
const CHECKED_TOGETHER = 32;

/**
 * Format a script in one pass, one statement at a time: the input is lexed once (as the parser reaches it), each
 * statement is parsed without its comments, printed, its comments put back beside their tokens, and the piece
 * re-parsed and compared with the statement (same tree, every comment beside the same token) before the next one —
 * only the current statement's tokens are held, so time is linear in the script's length. Refuses (with the reason)
 * a script that does not parse or would not survive the round trip.
 */
export function formatText(text: string, file: string): FormatResult {
  // The input's tokens (comments included) lexed and not yet formatted, from `head` on.
  let pending: Token[] = [];
  let head = 0;
  let failed = false;
  const reader = new ScriptReader(text, { file }, (slice) => {
    if (!failed) {
      // The tokens not formatted yet, and this slice's (not its 'eof'), in one array: the formatted ones are let go of
      // as each slice comes, so they die young (see the parser's SLICE).
      const add = slice.at(-1)?.kind === 'eof' ? slice.slice(0, -1) : slice;
      if (head === pending.length) pending = add;
      // Nothing formatted since the last slice (one long statement, e.g. VALUES with 100,000 rows): appended in place —
      // a copy of all pending tokens per slice made such a statement quadratic.
      else if (head === 0) for (const t of add) pending.push(t);
      else pending = pending.slice(head).concat(add);
      head = 0;
    }
    // The parser reads the statements without their comments (they are put back by their tokens).
    return withoutCommentTokens(slice);
  });
  const pieces: string[] = [];
  /** The pieces from `from` on, not yet checked: their statements and comment places. */
  let run: { from: number; statements: Statement[]; expected: Place[] } = { from: 0, statements: [], expected: [] };
  /** Leading comments of the statement to come, met in the gap after the previous one. */
  let carried: Token[] = [];
  let previous: Statement | undefined;
  let first = true;
  /** Formats `statement` (undefined: a script of comments only) with the tokens before offset `boundary`. */
  const flush = (statement: Statement | undefined, boundary: number, last: boolean): void => {
    let commented = carried.length > 0;
    const from = head;
    while (head < pending.length && pending[head]!.start.offset < boundary) {
      if (isComment(pending[head]!)) commented = true;
      head++;
    }
    if (!commented) {
      // No comment in the statement or the gap before it (most statements): nothing to anchor or put back.
      const printed = statement === undefined ? '' : printStatement(statement);
      pieces.push(`${first ? '' : '\n\n'}${printed}${last && printed !== '' ? '\n' : ''}`);
      if (statement !== undefined) run.statements.push(statement);
      check(last);
      first = false;
      return;
    }
    // The statement's tokens after the comments carried to it (a fresh array, added to in place).
    const chunk = carried.length === 0 ? pending.slice(from, head) : carried;
    if (carried.length > 0) for (let i = from; i < head; i++) chunk.push(pending[i]!);
    // The first token of the next statement decides which comments in the gap before it trail this one.
    let follower: Token | undefined;
    for (let i = head; !last && follower === undefined && i < pending.length; i++) if (!isComment(pending[i]!)) follower = pending[i];
    if (follower !== undefined) chunk.push(follower);
    const { significant: input, anchors } = anchorComments(chunk);
    // (A comment leading the follower keeps its index: input.length, past the statement's last token.)
    if (follower !== undefined) input.pop();
    const printed = statement === undefined ? '' : printStatement(statement);
    const text = `${first ? '' : '\n\n'}${printed}${last && printed !== '' ? '\n' : ''}`;
    const output = anchors.length === 0 ? [] : tokenize(text).tokens;
    if (output.at(-1)?.kind === 'eof') output.pop();
    const map = anchors.length === 0 ? NO_MAP : new Array<number>(input.length).fill(-1);
    if (anchors.length > 0) match(input, 0, input.length, output, 0, output.length, map);
    const own: Anchor[] = [];
    carried = [];
    for (const a of anchors) {
      // Leading a token the printer drops at the end (a stray `;`), or the next statement's first: the next one's.
      let k = a.token;
      if (!a.trailing && !last) while (k < input.length && map[k]! < 0) k++;
      if (!a.trailing && !last && k >= input.length) carried.push(a.comment);
      else own.push(a);
    }
    const piece = printPiece(text, output, input, map, own, first, last);
    pieces.push(piece);
    if (statement !== undefined) run.statements.push(statement);
    for (const a of own) run.expected.push(place(input, a));
    check(last);
    first = false;
  };
  /** Checks the run of pieces not yet checked when it is long enough or the script ends. */
  const check = (last: boolean): void => {
    if (last || run.statements.length >= CHECKED_TOGETHER) {
      const checked = pieces.slice(run.from).join('');
      if (!survives(checked, run.statements, run.expected)) failed = true;
      // The run's pieces are kept as the one string just checked: a long script's output is then a few thousand
      // strings held to the end, not one (with its parts) per statement.
      pieces.length = run.from;
      pieces.push(checked);
      run = { from: pieces.length, statements: [], expected: [] };
    }
  };
  for (let s = reader.next(); s !== undefined; s = reader.next()) {
    if (failed || reader.diagnostics.length > 0) {
      failed = true;
      pending = [];
      head = 0;
      continue;
    }
    if (previous !== undefined) flush(previous, s.span!.start.offset, false);
    previous = s;
  }
  const lexed = reader.lexError();
  if (lexed !== undefined) return refused([lexed]);
  if (reader.diagnostics.length > 0) return refused(reader.diagnostics);
  if (!failed && (previous !== undefined || head < pending.length)) flush(previous, Number.MAX_SAFE_INTEGER, true);
  if (failed) {
    return refused([{ ...textFields(CLI_TEXTS.fmtRefused({})), severity: 'error', file }]);
  }
  return { ok: true, text: pieces.join('') };
}

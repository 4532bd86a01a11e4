/**
 * Comments in `fmt`'s output stay next to the token they were written next to. Each comment of the input is
 * anchored to a token: *trailing* the token before it when it starts on the line that token ends on
 * (`FROM t1 -- the orders`), else *leading* the token after it (a comment on its own line). The script is printed
 * without comments; its tokens are matched to the input's, statement by statement (a longest common subsequence:
 * the printer adds back-quotes, AS and parentheses, and drops redundant ones), and each comment is put back
 * beside the printed form of its token — trailing on that token's line, leading on a line of its own before it.
 * Formatting the output again anchors every comment to the same token, so the result is idempotent.
 */
import type { Statement, Token } from '@flinkts/core';
import { printStatement, tokenize } from '@flinkts/core';

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
  const significant: Token[] = [];
  const anchors: Anchor[] = [];
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    if (!isComment(t)) {
      significant.push(t);
      continue;
    }
    anchors.push({ comment: t, token: significant.length, trailing: false });
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
        for (let t = k; t < chain; t++) anchors[t] = { comment: anchors[t]!.comment, token: gap - 1, trailing: true };
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

/** Matches `a[i]` to `b[j]` along a longest common subsequence of their keys; writes b's index (or leaves -1). */
function match(a: readonly Token[], aFrom: number, aTo: number, b: readonly Token[], bFrom: number, bTo: number, out: Int32Array): void {
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

/** Index of the first token in `tokens` whose start offset is at least `offset`. */
function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indentationAt = (text: string, offset: number): string => {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
};

/**
 * The printed script (statements printed without comments, `bare`, parsed from the input with its comments
 * blanked, so their spans are the input's) with the input's comments put back beside their tokens.
 */
export function printWithComments(inputTokens: readonly Token[], bare: readonly Statement[]): string {
  const { significant: input, anchors } = anchorComments(inputTokens);
  const printed = bare.map((s) => printStatement(s));
  const text = printed.length === 0 ? '' : `${printed.join('\n\n')}\n`;
  if (anchors.length === 0) return text;
  const output = tokenize(text).tokens.filter((t) => t.kind !== 'eof');

  // Input token → printed token, for the statements a comment is anchored in.
  const map = new Int32Array(input.length).fill(-1);
  const anchored = new Set(anchors.map((a) => a.token));
  let pieceStart = 0;
  bare.forEach((s, i) => {
    const aFrom = firstAtOrAfter(input, s.span!.start.offset);
    let aTo = firstAtOrAfter(input, s.span!.end.offset);
    if (input[aTo]?.kind === 'op' && input[aTo]!.value === ';') aTo++;
    const pieceEnd = pieceStart + printed[i]!.length;
    const outFrom = firstAtOrAfter(output, pieceStart);
    const outTo = firstAtOrAfter(output, pieceEnd);
    let needed = false;
    for (let k = Math.max(0, aFrom - 1); k <= aTo && !needed; k++) needed = anchored.has(k);
    if (needed) match(input, aFrom, aTo, output, outFrom, outTo, map);
    pieceStart = pieceEnd + 2; // the blank line between statements
  });

  // Comments per gap: leading[j] go before printed token j (j = output.length: after the last), trailing[j] after it.
  const leading = new Map<number, string[]>();
  const trailing = new Map<number, string[]>();
  const add = (to: Map<number, string[]>, j: number, comment: string) => (to.get(j) ?? to.set(j, []).get(j)!).push(comment);
  for (const a of anchors) {
    const comment = a.comment.text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '');
    if (a.trailing) {
      let k = a.token;
      while (k >= 0 && map[k]! < 0) k--;
      if (k >= 0) add(trailing, map[k]!, comment);
      else add(leading, 0, comment);
    } else {
      let k = a.token;
      while (k < input.length && map[k]! < 0) k++;
      add(leading, k < input.length ? map[k]! : output.length, comment);
    }
  }

  const parts: string[] = [];
  let last = 0;
  for (let j = 0; j <= output.length; j++) {
    const lead = leading.get(j);
    const trail = trailing.get(j - 1);
    if (lead === undefined && trail === undefined) continue;
    // The gap between printed token j-1 and token j: only white space in the printed text.
    const gapStart = j === 0 ? 0 : output[j - 1]!.end.offset;
    const gapEnd = j === output.length ? text.length : output[j]!.start.offset;
    const gap = text.slice(gapStart, gapEnd);
    const nextIndent = j === output.length ? '' : gap.includes('\n') || j === 0 ? indentationAt(text, gapEnd) : `${indentationAt(text, gapStart)}  `;
    let fill = '';
    if (trail !== undefined) fill += ` ${trail.join(' ')}`;
    // A line break after trailing comments: what followed them on the line would otherwise make them lead it.
    const lineComment = trail !== undefined;
    const inline = lead !== undefined && j < output.length && lead.every((c) => c.startsWith('/*') && !c.includes('\n'));
    if (inline) {
      // One-line /* */ comments stay on the line of the token they lead.
      if (lineComment) fill += `\n${gap.includes('\n') ? gap.slice(gap.lastIndexOf('\n') + 1) : nextIndent}`;
      else fill += j === 0 ? '' : gap;
      fill += `${lead!.join(' ')} `;
    } else if (lead !== undefined) {
      const lines = lead.map((c) => `${nextIndent}${c}\n`).join('');
      if (j === 0) fill = lines + nextIndent;
      else if (j === output.length) fill += `\n${lines}`;
      else fill += `\n${lines}${nextIndent}`;
    } else if (j === output.length) fill += '\n';
    else if (lineComment || gap.includes('\n')) fill += `\n${gap.includes('\n') ? gap.slice(gap.lastIndexOf('\n') + 1) : nextIndent}`;
    else fill += gap;
    // A blank line between statements stays.
    if (j > 0 && j < output.length && /\n[ \t]*\n/.test(gap)) fill = fill.replace(/\n/, '\n\n');
    parts.push(text.slice(last, gapStart), fill);
    last = gapEnd;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

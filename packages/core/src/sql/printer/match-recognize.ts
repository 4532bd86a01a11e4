/**
 * Prints `input MATCH_RECOGNIZE (…) AS alias`: one clause per line inside the parentheses, measures and DEFINE
 * conditions one per line; the pattern on one line.
 */
import type { AfterMatchSkip, MatchRecognize, PatternQuantifier, PatternTerm } from '../../ast/query.js';
import { printExpression, printOrderItem } from './expression.js';
import { indent } from './layout.js';
import { printRelation } from './query.js';
import { quoteIdentifier } from './quote.js';

export function printMatchRecognize(m: MatchRecognize): string {
  const lines: string[] = [];
  if (m.partitionBy.length > 0) lines.push(`PARTITION BY ${m.partitionBy.map(printExpression).join(', ')}`);
  if (m.orderBy.length > 0) lines.push(`ORDER BY ${m.orderBy.map(printOrderItem).join(', ')}`);
  if (m.measures.length > 0) lines.push(list('MEASURES', m.measures.map((x) => `${printExpression(x.expr)} AS ${quoteIdentifier(x.alias)}`)));
  if (m.rowsPerMatch !== undefined) lines.push(`${m.rowsPerMatch === 'ONE' ? 'ONE ROW' : 'ALL ROWS'} PER MATCH`);
  if (m.after !== undefined) lines.push(`AFTER MATCH SKIP ${printSkip(m.after)}`);
  lines.push(`PATTERN (${printPattern(m.pattern)})${m.within === undefined ? '' : ` WITHIN ${printExpression(m.within)}`}`);
  lines.push(list('DEFINE', m.define.map((d) => `${quoteIdentifier(d.variable)} AS ${printExpression(d.condition)}`)));
  const cols = m.columnAliases !== undefined && m.columnAliases.length > 0 ? ` (${m.columnAliases.map(quoteIdentifier).join(', ')})` : '';
  const alias = m.alias === undefined ? '' : ` AS ${quoteIdentifier(m.alias)}${cols}`;
  return `${printRelation(m.input)} MATCH_RECOGNIZE (\n${indent(lines.join('\n'))}\n)${alias}`;
}

function list(keyword: string, items: readonly string[]): string {
  return `${keyword}\n${indent(items.join(',\n'))}`;
}

function printSkip(s: AfterMatchSkip): string {
  switch (s.kind) {
    case 'PastLastRow': return 'PAST LAST ROW';
    case 'ToNextRow': return 'TO NEXT ROW';
    case 'ToFirst': return `TO FIRST ${quoteIdentifier(s.variable)}`;
    case 'ToLast': return `TO LAST ${quoteIdentifier(s.variable)}`;
  }
}

export function printPattern(t: PatternTerm): string {
  switch (t.kind) {
    case 'PatternVariable': return `${quoteIdentifier(t.name)}${printQuantifier(t.quantifier)}`;
    case 'PatternSequence': return t.terms.map(printPattern).join(' ');
    case 'PatternAlternation': return t.terms.map(printPattern).join(' | ');
    case 'PatternGroup': return `(${printPattern(t.term)})${printQuantifier(t.quantifier)}`;
  }
}

function printQuantifier(q: PatternQuantifier | undefined): string {
  if (q === undefined) return '';
  const base = q.symbol ?? (q.max === q.min ? `{${q.min}}` : `{${q.min},${q.max ?? ''}}`);
  return base + (q.reluctant ? '?' : '');
}

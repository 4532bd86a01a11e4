/**
 * The MATCH_RECOGNIZE clause (row pattern recognition, Flink's CEP), after the FROM item it reads:
 *
 *   MATCH_RECOGNIZE (
 *     [PARTITION BY e, …] [ORDER BY e [ASC|DESC], …] [MEASURES e [AS] name, …]
 *     [ONE ROW PER MATCH | ALL ROWS PER MATCH]
 *     [AFTER MATCH SKIP {PAST LAST ROW | TO NEXT ROW | TO FIRST v | TO LAST v | TO v}]
 *     PATTERN (v[quantifier] …) [WITHIN interval]
 *     DEFINE v AS condition, …
 *   )
 *
 * Quantifiers: `*` `+` `?` `{n}` `{n,}` `{n,m}` `{,m}`, each reluctant with a trailing `?`; alternatives `A | B`. The alias after the
 * closing parenthesis is read by the FROM-item parser (query.ts). What Flink's planner refuses (ALL ROWS PER MATCH,
 * quantified groups, alternatives, …) parses and is reported by the binder with its own code.
 */
import type { Expression, OrderItem } from '../../ast/expression.js';
import type { SourcePosition } from '../../ast/node.js';
import type { AfterMatchSkip, MatchRecognize, PatternQuantifier, PatternTerm, Relation } from '../../ast/query.js';
import type { Cursor } from './cursor.js';
import { parseExpression, parseOrderItems } from './expression.js';
import { SQL_TEXTS } from '../codes.js';

type Body = Omit<MatchRecognize, 'alias' | 'columnAliases' | 'span'>;

/** `MATCH_RECOGNIZE ( … )` over `input` (the cursor is on MATCH_RECOGNIZE). */
export function parseMatchRecognize(p: Cursor, input: Relation): Body {
  p.expectWord('MATCH_RECOGNIZE');
  p.open(p.expectOp('(', "'(' after MATCH_RECOGNIZE"));
  const partitionBy: Expression[] = [];
  if (p.acceptWords('PARTITION', 'BY')) {
    do partitionBy.push(parseExpression(p));
    while (p.acceptOp(','));
  }
  const orderBy: OrderItem[] = p.acceptWords('ORDER', 'BY') ? parseOrderItems(p) : [];
  const measures: Body['measures'][number][] = [];
  if (p.acceptWord('MEASURES')) {
    do {
      const start = p.peek().start;
      const expr = parseExpression(p);
      p.acceptWord('AS');
      measures.push({ expr, alias: p.identifier('a measure name'), span: p.spanFrom(start) });
    } while (p.acceptOp(','));
  }
  let rowsPerMatch: Body['rowsPerMatch'];
  if (p.acceptWords('ONE', 'ROW', 'PER', 'MATCH')) rowsPerMatch = 'ONE';
  else if (p.acceptWords('ALL', 'ROWS', 'PER', 'MATCH')) rowsPerMatch = 'ALL';
  const after = p.acceptWords('AFTER', 'MATCH', 'SKIP') ? parseSkip(p) : undefined;
  p.expectWord('PATTERN', 'PATTERN (…)');
  p.open(p.expectOp('(', "'(' after PATTERN"));
  const pattern = parsePatternAlternation(p);
  p.expectOp(')', "a pattern variable, a quantifier, '|' or ')'");
  p.close();
  const within = p.acceptWord('WITHIN') ? parseExpression(p) : undefined;
  if (p.isWord('SUBSET')) throw p.textAt(p.peek(), SQL_TEXTS.notReadYet({ kind: 'matchSubset' }));
  p.expectWord('DEFINE', 'DEFINE after PATTERN (…)');
  const define: Body['define'][number][] = [];
  do {
    const start = p.peek().start;
    const variable = p.identifier('a pattern variable');
    p.expectWord('AS', 'AS after the pattern variable');
    define.push({ variable, condition: parseExpression(p), span: p.spanFrom(start) });
  } while (p.acceptOp(','));
  p.expectOp(')', "',' or ')' to close MATCH_RECOGNIZE");
  p.close();
  return {
    kind: 'MatchRecognize',
    input,
    partitionBy,
    orderBy,
    measures,
    ...(rowsPerMatch === undefined ? {} : { rowsPerMatch }),
    ...(after === undefined ? {} : { after }),
    pattern,
    ...(within === undefined ? {} : { within }),
    define,
  };
}

function parseSkip(p: Cursor): AfterMatchSkip {
  if (p.acceptWords('PAST', 'LAST', 'ROW')) return { kind: 'PastLastRow' };
  p.expectWord('TO', 'PAST LAST ROW or TO …');
  if (p.acceptWords('NEXT', 'ROW')) return { kind: 'ToNextRow' };
  const kind = p.acceptWord('FIRST') ? 'ToFirst' : (p.acceptWord('LAST'), 'ToLast');
  const start = p.peek().start;
  const variable = p.identifier('a pattern variable');
  return { kind, variable, span: p.spanFrom(start) };
}

/** Sequences separated by `|`, up to ')' (one alternative is the sequence itself). */
function parsePatternAlternation(p: Cursor): PatternTerm {
  const start = p.peek().start;
  const terms = [parsePatternSequence(p)];
  while (p.acceptOp('|')) terms.push(parsePatternSequence(p));
  return terms.length === 1 ? terms[0]! : { kind: 'PatternAlternation', terms, span: p.spanFrom(start) };
}

/** Terms one after another, up to ')' or '|' (a sequence of one term is the term itself). */
function parsePatternSequence(p: Cursor): PatternTerm {
  const terms: PatternTerm[] = [];
  while (!p.isOp(')') && !p.isOp('|') && !p.atEnd()) terms.push(parsePatternFactor(p));
  if (terms.length === 0) throw p.unexpected('a pattern variable');
  return terms.length === 1 ? terms[0]! : { kind: 'PatternSequence', terms };
}

function parsePatternFactor(p: Cursor): PatternTerm {
  const start = p.peek().start;
  if (p.isOp('(')) {
    p.open(p.next());
    const term = parsePatternAlternation(p);
    p.expectOp(')');
    p.close();
    const quantifier = parseQuantifier(p);
    return { kind: 'PatternGroup', term, ...(quantifier === undefined ? {} : { quantifier }), span: p.spanFrom(start) };
  }
  const name = p.identifier('a pattern variable');
  const quantifier = parseQuantifier(p);
  return { kind: 'PatternVariable', name, ...(quantifier === undefined ? {} : { quantifier }), span: p.spanFrom(start) };
}

function parseQuantifier(p: Cursor): PatternQuantifier | undefined {
  let q: Omit<PatternQuantifier, 'reluctant'> | undefined;
  if (p.acceptOp('*')) q = { min: 0, symbol: '*' };
  else if (p.acceptOp('+')) q = { min: 1, symbol: '+' };
  else if (p.acceptOp('?')) q = { min: 0, max: 1, symbol: '?' };
  else if (p.isOp('{')) q = parseBraces(p);
  if (q === undefined) return undefined;
  return { ...q, reluctant: p.acceptOp('?') };
}

/** `{n}`, `{n,}`, `{n,m}`, `{,m}`. */
function parseBraces(p: Cursor): Omit<PatternQuantifier, 'reluctant'> {
  const open = p.next();
  const start: SourcePosition = open.start;
  const min = p.isOp(',') ? 0 : p.integer('a repetition count');
  let max: number | undefined = min;
  if (p.acceptOp(',')) max = p.isOp('}') ? undefined : p.integer('a maximum repetition count');
  p.expectOp('}', "'}' to close the quantifier");
  if (max !== undefined && max < min) throw p.textAt({ ...open, start, end: p.lastEnd() }, SQL_TEXTS.unexpectedToken({ kind: 'quantifierRange', min, max }));
  if (max === 0) throw p.textAt({ ...open, start, end: p.lastEnd() }, SQL_TEXTS.unexpectedToken({ kind: 'quantifierZero' }));
  return max === undefined ? { min } : { min, max };
}

/** Diagnostic codes of MATCH_RECOGNIZE's binding (FTS4520–FTS4529): what Flink 1.20's planner refuses in it. */
import { codeTable, template } from '../diagnostics/code-table.js';

/** What is wrong with MATCH_RECOGNIZE's ORDER BY: no key, a first key that is not a time attribute, a descending time. */
export type MatchOrderProblem = { readonly kind: 'none' } | { readonly kind: 'notTime' } | { readonly kind: 'descending'; readonly column: string };

/** Where a name that is not a pattern variable is read: AFTER MATCH SKIP TO, DEFINE (a warning), a qualifier in MEASURES / DEFINE. */
export interface UnknownVariable {
  readonly kind: 'skip' | 'define' | 'qualifier';
  readonly name: string;
  /** "did you mean" or the pattern's variables. */
  readonly suggestion: string;
}

export const MATCH_CODE_TABLE = codeTable({
  orderNotTime: ['FTS4520', "MATCH_RECOGNIZE's first ORDER BY key is not an ascending rowtime or proctime attribute.", template(
    (p: MatchOrderProblem) => (p.kind === 'none' ? 'You must specify either rowtime or proctime for order by.'
      : p.kind === 'notTime' ? 'You must specify either rowtime or proctime for order by as the first one.'
        : 'Primary sort order of a streaming table must be ascending on time.'),
    (p) => (p.kind === 'none' ? 'order the rows by a time attribute: ORDER BY rowtime [, other columns]'
      : p.kind === 'notTime' ? 'order the rows by a time attribute first: ORDER BY rowtime [, other columns]'
        : `drop DESC: ORDER BY ${p.column} ASC`),
  )],
  unknownVariable: ['FTS4521', 'MATCH_RECOGNIZE names a pattern variable its PATTERN does not have: an error in MEASURES and AFTER MATCH SKIP, a warning in DEFINE (Flink ignores the condition).', template(
    (p: UnknownVariable) => (p.kind === 'skip' ? `Unknown pattern '${p.name}'`
      : p.kind === 'define' ? `DEFINE ${p.name}: the pattern has no variable '${p.name}', so Flink ignores this condition`
        : `Table '${p.name}' not found`),
    (p) => (p.kind === 'qualifier' ? `'${p.name}' is not a pattern variable; ${p.suggestion}` : p.suggestion),
  )],
  unsupportedPattern: ['FTS4522', "A MATCH_RECOGNIZE pattern Flink's CEP cannot run: alternatives (A | B), a quantified group, a variable twice, a reluctant A??, an optional variable after a greedy one, a pattern that can match no row, a greedy quantifier last."],
  unsupportedClause: ['FTS4523', 'A MATCH_RECOGNIZE clause or function Flink does not support: ALL ROWS PER MATCH, PREV / NEXT, DISTINCT aggregates, one navigation or aggregate over two variables, WITHIN that is not a DAY TO SECOND interval literal.'],
});

export const MATCH_CODES = MATCH_CODE_TABLE.codes;
export const MATCH_TEXTS = MATCH_CODE_TABLE.texts;

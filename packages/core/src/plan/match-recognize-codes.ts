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

/** What Flink's CEP refuses in a PATTERN (`variable`: the variable the hint names). */
export type UnsupportedPattern =
  | { readonly kind: 'alternation' | 'group' | 'empty' }
  | { readonly kind: 'repeated' | 'reluctantOptional' | 'optionalAfterGreedy' | 'greedyLast'; readonly variable: string };

/** A MATCH_RECOGNIZE clause or function Flink refuses. */
export type UnsupportedClause =
  | { readonly kind: 'allRows' | 'within' }
  | { readonly kind: 'severalVariables'; readonly at: string; readonly variables: readonly string[] }
  | { readonly kind: 'physicalOffset'; readonly fn: 'PREV' | 'NEXT' }
  | { readonly kind: 'offset' | 'aggregateClause'; readonly fn: string }
  | { readonly kind: 'nestedNavigation'; readonly call: string; readonly fn: string; readonly column: string }
  | { readonly kind: 'aggregateInNavigation'; readonly call: string; readonly aggregate: string }
  | { readonly kind: 'distinct'; readonly call: string };

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
  unsupportedPattern: ['FTS4522', "A MATCH_RECOGNIZE pattern Flink's CEP cannot run: alternatives (A | B), a quantified group, a variable twice, a reluctant A??, an optional variable after a greedy one, a pattern that can match no row, a greedy quantifier last.", template(
    (p: UnsupportedPattern) => {
      switch (p.kind) {
        case 'alternation': return "Currently, CEP doesn't support branching patterns.";
        case 'group': return 'Group patterns are not supported yet.';
        case 'repeated': return 'Pattern variables must be unique. That might change in the future.';
        case 'reluctantOptional': return 'Reluctant optional variables are not supported yet.';
        case 'optionalAfterGreedy': return 'Optional pattern cannot be preceded by greedy pattern';
        case 'empty': return 'Patterns that can produce empty matches are not supported. There must be at least one non-optional state.';
        case 'greedyLast': return 'Greedy quantifiers are not allowed as the last element of a Pattern yet. Finish your pattern with either a simple variable or reluctant quantifier.';
      }
    },
    (p) => {
      switch (p.kind) {
        case 'alternation': return 'write one MATCH_RECOGNIZE per alternative (UNION ALL of their results), or one variable whose DEFINE accepts either row';
        case 'group': return 'write the variables one after another, each with its own quantifier';
        case 'repeated': return `give the second '${p.variable}' its own variable and DEFINE both`;
        case 'reluctantOptional': return `write ${p.variable}? (greedy)`;
        case 'optionalAfterGreedy': return `make ${p.variable}'s quantifier reluctant (${p.variable}+?) or fixed`;
        case 'empty': return 'give at least one variable a quantifier that needs a row (no quantifier, +, {n}, {n,m} with n ≥ 1)';
        case 'greedyLast': return `make the last quantifier reluctant (${p.variable}+?), or end the pattern with a variable that matches once`;
      }
    },
  )],
  unsupportedClause: ['FTS4523', 'A MATCH_RECOGNIZE clause or function Flink does not support: ALL ROWS PER MATCH, PREV / NEXT, DISTINCT aggregates, one navigation or aggregate over two variables, WITHIN that is not a DAY TO SECOND interval literal.', template(
    (p: UnsupportedClause) => {
      switch (p.kind) {
        case 'allRows': return 'All rows per match mode is not supported yet.';
        case 'within': return 'Only constant intervals with millisecond resolution are supported as time constraints of patterns.';
        case 'severalVariables': return `Multiple pattern variables in '${p.at}'`;
        case 'physicalOffset': return 'Flink does not support physical offsets within partition.';
        case 'offset': return `the offset of ${p.fn} must be a non-negative integer literal`;
        case 'nestedNavigation': return `Cannot nest PREV/NEXT under LAST/FIRST '${p.call}'`;
        case 'aggregateInNavigation': return `Cannot use aggregation in navigation '${p.call}'`;
        case 'distinct': return `DISTINCT/ALL not allowed with ${p.call} function`;
        case 'aggregateClause': return `${p.fn} with FILTER, OVER or WITHIN GROUP is not supported in MATCH_RECOGNIZE`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'allRows': return 'use ONE ROW PER MATCH with MEASURES';
        case 'within': return "write WITHIN INTERVAL 'n' SECOND (or MINUTE, HOUR, DAY)";
        case 'severalVariables': return `read one variable per navigation or aggregate, e.g. FIRST(${p.variables[0]}.col) + FIRST(${p.variables[1]}.col)`;
        case 'physicalOffset': return `use LAST(${p.fn === 'PREV' ? 'A.col, 1' : 'A.col'}) (a logical offset within a variable's rows) instead`;
        case 'offset': return `write ${p.fn}(A.col, 1): the offset is a literal count of rows back`;
        case 'nestedNavigation': return `read the column directly: ${p.fn}(${p.column})`;
        case 'aggregateInNavigation': return `aggregate outside the navigation, e.g. ${p.aggregate}`;
        case 'distinct': return 'aggregate without DISTINCT in MATCH_RECOGNIZE';
        case 'aggregateClause': return `write ${p.fn}(…) alone; filter the rows in DEFINE instead`;
      }
    },
  )],
});

export const MATCH_CODES = MATCH_CODE_TABLE.codes;
export const MATCH_TEXTS = MATCH_CODE_TABLE.texts;

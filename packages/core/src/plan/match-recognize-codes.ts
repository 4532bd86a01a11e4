/** Diagnostic codes of MATCH_RECOGNIZE's binding (FTS4520–FTS4529): what Flink 1.20's planner refuses in it. */
import { codeTable } from '../diagnostics/code-table.js';

export const MATCH_CODE_TABLE = codeTable({
  orderNotTime: ['FTS4520', "MATCH_RECOGNIZE's first ORDER BY key is not an ascending rowtime or proctime attribute."],
  unknownVariable: ['FTS4521', 'MATCH_RECOGNIZE names a pattern variable its PATTERN does not have: an error in MEASURES and AFTER MATCH SKIP, a warning in DEFINE (Flink ignores the condition).'],
  unsupportedPattern: ['FTS4522', "A MATCH_RECOGNIZE pattern Flink's CEP cannot run: alternatives (A | B), a quantified group, a variable twice, a reluctant A??, an optional variable after a greedy one, a pattern that can match no row, a greedy quantifier last."],
  unsupportedClause: ['FTS4523', 'A MATCH_RECOGNIZE clause or function Flink does not support: ALL ROWS PER MATCH, PREV / NEXT, DISTINCT aggregates, one navigation or aggregate over two variables, WITHIN that is not a DAY TO SECOND interval literal.'],
});

export const MATCH_CODES = MATCH_CODE_TABLE.codes;

/** Diagnostic codes of the SQL text (FTS1000–FTS1099): what the lexer and parser refuse, and literals that cannot exist. */
import { codeTable } from '../diagnostics/code-table.js';

export const SQL_CODE_TABLE = codeTable({
  syntaxError: ['FTS1000', 'The SQL text does not parse: an unexpected token or character, or an unterminated literal or comment.'],
  unexpectedToken: ['FTS1001', 'A statement does not parse: something else was expected at this point.'],
  reservedWord: ['FTS1002', 'A reserved word of Flink SQL is used as a name without back-quotes.'],
  notReadYet: ['FTS1003', 'Flink SQL that flinkts does not read yet (e.g. MATCH_RECOGNIZE, NATURAL joins, CREATE OR REPLACE TABLE AS).'],
  encryptedWith: ['FTS1004', "'ENCRYPTED WITH' is not Flink SQL."],
  useDatabase: ['FTS1005', "'USE DATABASE name' is not Flink SQL (write USE name)."],
  nestedTooDeep: ['FTS1006', 'A statement nests more than 500 levels deep (parentheses, function calls, brackets, CASE, prefix operators, sub-queries): flinkts\'s documented limit (MAX_NESTING_DEPTH), at least what Flink 1.20.1\'s parser takes.'],
  notUtf8: ['FTS1007', 'A SQL file that is not UTF-8 (the byte and its position are named; the file is left untouched).'],
  impossibleLiteral: ['FTS1008', 'An impossible literal: a DATE / TIME / TIMESTAMP / INTERVAL that does not exist, a number over 38 digits or beyond DOUBLE.'],
  identifierTooLong: ['FTS1009', "An identifier longer than Flink's 256 characters."],
});

export const SQL_CODES = SQL_CODE_TABLE.codes;

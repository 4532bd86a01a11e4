/**
 * Diagnostic codes of the SQL text (FTS1000–FTS1099): what the lexer and parser refuse, and literals that cannot exist.
 * `SQL_TEXTS.reservedWord({ … })` gives the code, message and hint of a templated code.
 */
import { codeTable, template } from '../diagnostics/code-table.js';
import { describeCharacter } from './parser/characters.js';

/** Text that does not lex (FTS1000): an unterminated literal or comment, a malformed binary literal, a character that is not SQL. */
export type LexPayload =
  | { readonly kind: 'unterminated'; readonly what: 'comment' | 'string literal' | 'quoted identifier'; readonly line: number; readonly column: number }
  | { readonly kind: 'binaryLiteral'; readonly value: string }
  | { readonly kind: 'character'; readonly character: string; readonly atStart: boolean };

const UNTERMINATED_HINTS = {
  comment: "close it with '*/'",
  'string literal': "close the string with a single quote; write '' for a quote inside it",
  'quoted identifier': 'close it with a back-quote; write `` for a back-quote inside it',
} as const;

/** A statement that does not parse (FTS1001): mostly "expected X but found Y", with the hint the parser has for the place. */
export type ParsePayload =
  | { readonly kind: 'expected'; readonly expected: string; readonly found: string; readonly hint?: string }
  | { readonly kind: 'emptyHint' }
  | { readonly kind: 'matchRecognizePlacement' }
  | { readonly kind: 'quantifierRange'; readonly min: number; readonly max: number }
  | { readonly kind: 'quantifierZero' }
  | { readonly kind: 'parameterMarker' }
  | { readonly kind: 'secondWatermark' }
  | { readonly kind: 'secondPrimaryKey' }
  | { readonly kind: 'schemaParentheses'; readonly clause: 'ADD' | 'MODIFY' }
  | { readonly kind: 'stringContinuedOnLine'; readonly fragment: string }
  | { readonly kind: 'nullsOutsideArrayAgg'; readonly nulls: string; readonly fn: string };

/** Flink SQL that flinkts does not read yet (FTS1003), by construct. */
export type NotReadYetPayload =
  | { readonly kind: 'naturalJoin' }
  | { readonly kind: 'matchRecognizeExpression' }
  | { readonly kind: 'matchSubset' }
  | { readonly kind: 'tableArgumentClause'; readonly clause: 'PARTITION' | 'ORDER' }
  | { readonly kind: 'columnPosition'; readonly position: string }
  | { readonly kind: 'createOrReplaceAs' }
  | { readonly kind: 'describeExtended' }
  | { readonly kind: 'statement'; readonly statement: string };

/** A literal Flink cannot read (FTS1008): a number beyond DECIMAL(38) / DOUBLE, a date or time that does not exist, … */
export type LiteralPayload =
  | { readonly kind: 'doubleRange'; readonly text: string }
  | { readonly kind: 'tooManyDigits'; readonly text: string; readonly digits: number; readonly max: number }
  | { readonly kind: 'temporal'; readonly type: string; readonly value: string; readonly why: string; readonly form: string }
  | { readonly kind: 'interval'; readonly value: string; readonly qualifier: string; readonly example: string }
  | { readonly kind: 'uescapeLength'; readonly escape: string }
  | { readonly kind: 'uescapeCharacter'; readonly escape: string }
  | { readonly kind: 'unicodeEscape'; readonly at: number; readonly escape: string }
  | { readonly kind: 'illegal'; readonly type: string; readonly value: string };

/** A literal's text as shown in a message: at most 40 characters. */
const shown = (value: string): string => (value.length > 40 ? `${value.slice(0, 37)}…` : value);

export const SQL_CODE_TABLE = codeTable({
  syntaxError: ['FTS1000', 'The SQL text does not parse: an unexpected token or character, or an unterminated literal or comment.', template(
    (p: LexPayload) => {
      switch (p.kind) {
        case 'unterminated': return `unterminated ${p.what} starting at ${p.line}:${p.column}`;
        case 'binaryLiteral': return `invalid binary literal X'${p.value}'`;
        case 'character': {
          const c = describeCharacter(p.character, p.atStart);
          return c.message ?? (c.name.startsWith("'") ? `unexpected character ${c.name}` : `unexpected ${c.name}`);
        }
      }
    },
    (p) => {
      switch (p.kind) {
        case 'unterminated': return UNTERMINATED_HINTS[p.what];
        case 'binaryLiteral': return 'write an even number of hexadecimal digits';
        case 'character': return describeCharacter(p.character, p.atStart).hint;
      }
    },
  )],
  unexpectedToken: ['FTS1001', 'A statement does not parse: something else was expected at this point.', template(
    (p: ParsePayload) => {
      switch (p.kind) {
        case 'expected': return `expected ${p.expected} but found ${p.found}`;
        case 'emptyHint': return 'empty hint';
        case 'matchRecognizePlacement': return 'MATCH_RECOGNIZE must follow the table or sub-query it reads';
        case 'quantifierRange': return `the quantifier {${p.min},${p.max}} has a maximum below its minimum`;
        case 'quantifierZero': return 'a quantifier needs a maximum of at least 1';
        case 'parameterMarker': return 'parameter markers (?) are not supported in Flink SQL scripts';
        case 'secondWatermark': return 'a table has at most one WATERMARK';
        case 'secondPrimaryKey': return 'a table has at most one PRIMARY KEY';
        case 'schemaParentheses': return `several ${p.clause === 'ADD' ? 'added' : 'modified'} columns need parentheses`;
        case 'stringContinuedOnLine': return 'a string literal continued on the same line: Flink joins string literals only across a line end';
        case 'nullsOutsideArrayAgg': return `${p.nulls} NULLS is only valid in ARRAY_AGG: Flink's parser does not take it in ${p.fn}`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'expected': return p.hint;
        case 'emptyHint': return 'remove the empty /*+ */ or write a hint such as OPTIONS(…) in it';
        case 'matchRecognizePlacement': return 'write FROM t MATCH_RECOGNIZE (…) AS m';
        case 'quantifierRange': return `write the smaller count first: {${p.max},${p.min}}`;
        case 'quantifierZero': return 'leave the pattern variable out instead of repeating it at most 0 times';
        case 'parameterMarker': return 'write the value as a literal';
        case 'secondWatermark': return 'remove one of the WATERMARK definitions';
        case 'secondPrimaryKey': return 'list all key columns in one PRIMARY KEY (…) NOT ENFORCED';
        case 'schemaParentheses': return `write ${p.clause} (a INT, b STRING)`;
        case 'stringContinuedOnLine': return `put '${p.fragment.length > 20 ? `${p.fragment.slice(0, 20)}…` : p.fragment}' on a line of its own, or write one literal`;
        case 'nullsOutsideArrayAgg': return `drop ${p.nulls} NULLS`;
      }
    },
  )],
  reservedWord: ['FTS1002', 'A reserved word of Flink SQL is used as a name without back-quotes.', template(
    (p: { readonly word: string; readonly use: string } | { readonly word: string; readonly function: true }) =>
      'use' in p ? `'${p.word}' is a reserved word in Flink SQL; quote it as \`${p.word}\` to use it as ${p.use}` : `'${p.word}' is a reserved word in Flink SQL and not a function`,
    (p) => 'use' in p ? `quote it as \`${p.word}\`` : `quote it as \`${p.word}\` if it is a user-defined function`,
  )],
  notReadYet: ['FTS1003', 'Flink SQL that flinkts does not read yet (e.g. MATCH_RECOGNIZE, NATURAL joins, CREATE OR REPLACE TABLE AS).', template(
    (p: NotReadYetPayload) => {
      switch (p.kind) {
        case 'naturalJoin': return 'NATURAL joins are not supported by flinkts yet';
        case 'matchRecognizeExpression': return 'MATCH_RECOGNIZE is not supported by flinkts yet';
        case 'matchSubset': return 'SUBSET in MATCH_RECOGNIZE is not supported by Flink';
        case 'tableArgumentClause': return `${p.clause} BY on a table argument is not supported by flinkts yet`;
        case 'columnPosition': return `column positions (${p.position}) in ALTER TABLE are not supported by flinkts yet`;
        case 'createOrReplaceAs': return 'CREATE OR REPLACE TABLE … AS SELECT is Flink SQL but not supported by flinkts yet';
        case 'describeExtended': return 'DESCRIBE EXTENDED is not supported by flinkts yet';
        case 'statement': return `${p.statement} statements are Flink SQL but not supported by flinkts yet`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'naturalJoin': return 'name the join columns: JOIN … USING (a, b)';
        case 'matchSubset': return 'name each variable in MEASURES instead';
        case 'columnPosition': return 'add the column at the end, or keep this statement in a separate SQL file';
        case 'describeExtended': return 'use DESCRIBE without EXTENDED';
        case 'statement': return 'keep them in a separate SQL file that flinkts does not parse';
        case 'tableArgumentClause': case 'matchRecognizeExpression': return 'keep this query in a separate SQL file that flinkts does not parse';
        case 'createOrReplaceAs': return 'keep this statement in a separate SQL file that flinkts does not parse';
      }
    },
  )],
  encryptedWith: ['FTS1004', "'ENCRYPTED WITH' is not Flink SQL.", template(
    (_: object) => "'ENCRYPTED WITH' is not Flink SQL",
    () => 'Flink tables have no encryption clause; configure encryption in the connector (e.g. SSL options in the URL) or the storage',
  )],
  useDatabase: ['FTS1005', "'USE DATABASE name' is not Flink SQL (write USE name).", template(
    (_: { readonly name: string }) => "'USE DATABASE name' is not Flink SQL",
    (p) => `write USE ${p.name}`,
  )],
  nestedTooDeep: ['FTS1006', 'A statement nests more than 500 levels deep (parentheses, function calls, brackets, CASE, prefix operators, sub-queries): flinkts\'s documented limit (MAX_NESTING_DEPTH), at least what Flink 1.20.1\'s parser takes.', template(
    (p: { readonly max: number } | { readonly stack: true }) => 'max' in p
      ? `this statement nests more than ${p.max} levels deep (parentheses, function calls, CASE, sub-queries); flinkts takes at most ${p.max} (Flink's own parser fewer)`
      : 'this statement is nested too deeply to parse',
    (p) => 'max' in p ? 'split it into views or WITH queries' : 'split it into views or smaller expressions',
  )],
  notUtf8: ['FTS1007', 'A SQL file that is not UTF-8 (the byte and its position are named; the file is left untouched).', template(
    (p: { readonly byte: string; readonly line: number; readonly column: number; readonly offset: number }) =>
      `this file is not UTF-8: byte 0x${p.byte} at line ${p.line}, column ${p.column} (byte offset ${p.offset}) starts no UTF-8 character`,
    () => 'save the file as UTF-8 (it looks like Latin-1 or another legacy encoding); flinkts leaves it untouched',
  )],
  impossibleLiteral: ['FTS1008', 'An impossible literal: a DATE / TIME / TIMESTAMP / INTERVAL that does not exist, a number over 38 digits or beyond DOUBLE.', template(
    (p: LiteralPayload) => {
      switch (p.kind) {
        case 'doubleRange': return `the number ${p.text} is out of range for DOUBLE`;
        case 'tooManyDigits': return `the number ${p.text.length > 50 ? `${p.text.slice(0, 47)}…` : p.text} has ${p.digits} digits; Flink's exact numbers (DECIMAL) have at most ${p.max}`;
        case 'temporal': return `${p.type} '${shown(p.value)}' is not a valid ${p.type} literal: ${p.why}`;
        case 'interval': return `INTERVAL '${shown(p.value)}' ${p.qualifier} is not a valid interval: the value must look like ${p.example}`;
        case 'uescapeLength': return `UESCAPE '${p.escape}' must be exactly one character`;
        case 'uescapeCharacter': return `UESCAPE '${p.escape}' may not be hex digit, whitespace, plus sign, or double quote`;
        case 'unicodeEscape': return `Unicode escape sequence starting at character ${p.at} is not exactly four hex digits`;
        case 'illegal': return `Illegal ${p.type} literal '${shown(p.value)}'`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'doubleRange': return 'an approximate number must be below 1.7976931348623157E308';
        case 'tooManyDigits': return 'write it as an approximate number (with an exponent, e.g. 1.5E40) or a string';
        case 'temporal': return `write ${p.form}`;
        case 'interval': return `write INTERVAL ${p.example.split(' or ')[0]} ${p.qualifier}`;
        case 'uescapeLength': return "write one character, e.g. UESCAPE '!'";
        case 'uescapeCharacter': return "choose another character, e.g. UESCAPE '!'";
        case 'unicodeEscape': return `write ${p.escape} and four hexadecimal digits (${p.escape}0041 is 'A'), or ${p.escape}${p.escape} for the escape character itself`;
        case 'illegal': return `write a ${p.type} value that exists`;
      }
    },
  )],
  identifierTooLong: ['FTS1009', "An identifier longer than Flink's 256 characters.", template(
    (p: { readonly identifier: string; readonly max: number }) => `identifier '${p.identifier.slice(0, 20)}…' is ${p.identifier.length} characters long; Flink takes at most ${p.max}`,
    () => 'use a shorter name',
  )],
});

export const SQL_CODES = SQL_CODE_TABLE.codes;
export const SQL_TEXTS = SQL_CODE_TABLE.texts;

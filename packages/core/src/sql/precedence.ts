/**
 * Flink SQL's operator precedence, loosest first: the parser climbs it and the printer parenthesises by it.
 * OR, AND, prefix NOT, predicates (comparisons, IS, IN, BETWEEN, LIKE, OVERLAPS), + and -, * / % and ||, unary
 * - and +, postfix [i] and .field, then atoms (literals, names, calls), which never need parentheses.
 */
export const PREC_OR = 1;
export const PREC_AND = 2;
export const PREC_NOT = 3;
export const PREC_PREDICATE = 4;
export const PREC_ADDITIVE = 5;
export const PREC_MULTIPLICATIVE = 6;
export const PREC_UNARY = 7;
export const PREC_POSTFIX = 8;
export const PREC_ATOM = 9;

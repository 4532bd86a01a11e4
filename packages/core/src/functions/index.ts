export { AGGREGATE_FUNCTIONS, BARE_FUNCTIONS, BUILTIN_NAMES, FUNCTIONS, NILADIC_FUNCTIONS, SQL_NILADIC_KEYWORDS, TABLE_FUNCTIONS } from './registry.js';
export type { BuiltinFunction, BuiltinFunctionName, FunctionKind, FunctionSignature, FunctionSyntax, NullRule, OperandFamily, ReturnRule } from './registry.js';
export type { FunctionTypeResult } from './infer.js';
export * from './user-functions.js';

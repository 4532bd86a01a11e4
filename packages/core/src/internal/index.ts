/**
 * @flinkts/core/internal — plumbing between flinkts's own packages (@flinkts/connectors, @flinkts/pipelines) and
 * its CLI: code tables and their templates, argument checks, did-you-mean, the binder and the plan's properties,
 * the analyzer's type rules, the printer's pieces, lineage edge order. Not public: no validation at its boundary
 * and no promise of stability; users call the package root and the documented subpaths.
 */
export { closest, didYouMean, editDistance } from '../diagnostics/did-you-mean.js';
export { argumentError, BAD_ARGUMENT, checkArgument, checkList, checkNode, checkObject, checkString, describeValue } from '../diagnostics/arguments.js';
export { codeTable, template, textFields } from '../diagnostics/code-table.js';
export { sortedCodes, stageOf } from '../diagnostics/registry.js';
export { walkAst } from '../ast/walk.js';
export { sameAst } from '../ast/same-ast.js';
export { supportsImplicitCast } from '../types/implicit-cast.js';
export { typeProblem } from '../types/type-limits.js';
export { adjustDecimal, decimalArithmetic } from '../types/decimal-merging.js';
export { builtinFunction } from '../functions/registry.js';
export { commonType, inferFunctionType } from '../functions/infer.js';
export { printIntervalQualifier, printOrderItem, printWindowSpec } from '../sql/printer/expression.js';
export { printHint, printRelation } from '../sql/printer/query.js';
export { printOptions, printStatementBody } from '../sql/printer/statement.js';
export { stripSpans } from '../sql/parser/strip-spans.js';
export { ScriptReader } from '../sql/parser/script.js';
export { isReserved } from '../sql/parser/keywords.js';
export { tokenize } from '../sql/parser/lexer.js';
export { decodeSqlSource, firstInvalidUtf8Byte } from '../sql/parser/source-bytes.js';
export type { DecodedSource } from '../sql/parser/source-bytes.js';
export { expressionType, resolveColumn } from '../typing/expression-type.js';
export { arithmeticType } from '../typing/arithmetic-type.js';
export { comparisonProblem } from '../typing/comparable.js';
export { explicitCastProblem } from '../typing/explicit-cast.js';
export { checkPipelineGraph, LAYER_INPUTS } from '../analyzer/pipeline-graph.js';
export { checkSink } from '../analyzer/changelog/sink-check.js';
export { describeOrigin } from '../analyzer/changelog/changelog-mode.js';
export { checkWatermark } from '../analyzer/time/table-time-attributes.js';
export { bind, bindInsert, bindScript, ScriptBinder } from '../plan/bind.js';
export { copiedColumn } from '../plan/expression.js';
export { inputsOf } from '../plan/node.js';
export { tableColumns } from '../plan/scan-columns.js';
export { changelogOf, connectorName, isUpdating } from '../plan/properties/changelog.js';
export { uniqueKeys, upsertKeys } from '../plan/properties/keys.js';
export { coversWindow, isWindowAggregate, windowColumns } from '../plan/properties/window-columns.js';
export { compareEdges, sinksLineage, sortEdges } from '../lineage/column-lineage.js';
export { refsOf, subqueryRelation } from '../builder/source.js';
export { nearestPackageDir } from '../package-dir.js';
// The code tables' texts: the templates that word each code's message from its payload.
export { SQL_TEXTS } from '../sql/codes.js';
export { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
export { NAME_TEXTS } from '../diagnostics/name-codes.js';
export { CONNECTOR_TEXTS } from '../connector/codes.js';
export { BIND_TEXTS } from '../plan/codes.js';
// Classes the public entry exports as types only (users get their objects from functions).
export { ObjectCatalog } from '../catalog/catalog.js';
export { Namespace } from '../catalog/namespace.js';

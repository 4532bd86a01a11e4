export * from './diagnostic.js';
export type { ArgumentIssue, ArgumentPayload, ArgumentSchema, ArgumentText } from './arguments.js';
export { DIAGNOSTIC_CODES, DIAGNOSTIC_STAGES } from './registry.js';
export type { CodeTable, CodeTableOptions, CodeTemplate, CodeText, DiagnosticCodeInfo, ExitClass } from './code-table.js';
// The code-table plumbing (codeTable, template, textFields, stageOf, sortedCodes), argument checks and did-you-mean
// are for flinkts's own packages: @flinkts/core/internal.

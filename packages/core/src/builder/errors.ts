/** Definition-time errors of the builders (FTS22xx queries and statements, FTS23xx expressions and literals). */
import { textFields, type CodeText } from '../diagnostics/code-table.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';

export function builderError(code: string, message: string, hint: string, path?: string): never {
  throw new FlinktsError([{ code, severity: 'error', message, hint, ...(path === undefined ? {} : { path }) }]);
}

/** A builder error worded by its code's template. */
export function builderText(text: CodeText, path?: string): never {
  throw new FlinktsError([{ ...textFields(text), severity: 'error', ...(path === undefined ? {} : { path }) }]);
}

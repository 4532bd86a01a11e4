/** Definition-time errors of the builders (FTS22xx queries and statements, FTS23xx expressions and literals). */
import { FlinktsError } from '../diagnostics/diagnostic.js';

export function builderError(code: string, message: string, hint: string, path?: string): never {
  throw new FlinktsError([{ code, severity: 'error', message, hint, ...(path === undefined ? {} : { path }) }]);
}

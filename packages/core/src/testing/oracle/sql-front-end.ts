/**
 * The runtime reads SQL text through the project's SQL front end (`packages/core/src/sql/parser`): parse
 * errors become a `FlinktsError` carrying the parser's diagnostics (with their positions).
 */
import type { Expression } from '../../ast/expression.js';
import type { Script } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { parseExpression, parseScript } from '../../sql/parser/index.js';

function failOnErrors(diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FlinktsError(errors);
}

export function sqlExpression(text: string): Expression {
  const { expression, diagnostics } = parseExpression(text);
  failOnErrors(diagnostics);
  return expression!;
}

export function sqlScript(text: string): Script {
  const { script, diagnostics } = parseScript(text);
  failOnErrors(diagnostics);
  return script;
}

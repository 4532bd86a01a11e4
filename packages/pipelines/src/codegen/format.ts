/**
 * Generated TypeScript goes through ts-morph (structure: imports, declarations, JSDoc) and prettier (layout), so
 * what `flinkts import` / `flinkts introspect` write reads like the rest of a repo. Both are imported only here,
 * only when code is generated.
 */
import type { SourceFile } from 'ts-morph';

export const PRETTIER_OPTIONS = { parser: 'typescript', singleQuote: true, printWidth: 120, trailingComma: 'all' } as const;

/** A fresh in-memory source file to build a module in. */
export async function newSourceFile(name: string): Promise<SourceFile> {
  const { Project, QuoteKind, IndentationText } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces } });
  return project.createSourceFile(name, '');
}

/** The module's text, formatted by prettier. */
export async function formatted(file: SourceFile): Promise<string> {
  const prettier = await import('prettier');
  return prettier.format(file.getFullText(), PRETTIER_OPTIONS);
}

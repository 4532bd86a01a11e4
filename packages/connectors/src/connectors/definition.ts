/**
 * What a connector module declares (its option catalog, cross-option rules, changelog capabilities and
 * artifacts), and the one validation path both typed factories and SQL-text tables go through.
 */
import type { ChangelogCapabilities, Connector, Diagnostic, MavenArtifact, PrimaryKeyProblem, Severity } from '@flinkts/core';
import { FlinktsError, type CodeText } from '@flinkts/core';
import { CONNECTOR_TEXTS, textFields } from '@flinkts/core/internal';
import { FORMAT_CATALOGS } from '../formats/registry.js';
import { TEXTS, type RulePayload } from '../options/codes.js';
import { OptionSet } from '../options/option-set.js';
import type { OptionCatalog } from '../options/spec.js';
import { toEntries } from '../options/to-entries.js';
import type { ValueShape } from '../options/to-entries.js';
import type { Entry, ValidatedEntry } from '../options/validate.js';
import { keyPath, missingRequired, validateEntries } from '../options/validate.js';

export interface TableContext {
  /** Undefined while the table is not known yet (typed factory); PK rules are then checked by `checkTable`. */
  readonly hasPrimaryKey?: boolean;
  readonly columns?: readonly string[];
  readonly path?: string;
}

export interface RuleContext extends TableContext {
  readonly values: ReadonlyMap<string, string>;
  readonly what: string;
  /** Adds a rule violation: FTS3004's payload, or the text of another code's template (a missing option, FTS3003). */
  report(rule: RulePayload | CodeText, options?: { key?: string; severity?: Severity }): void;
}

export type FormatKey = 'format' | 'value.format' | 'key.format';

export interface ConnectorDefinition {
  readonly identifier: string;
  readonly catalog: OptionCatalog;
  /** `warning` for Paimon (unknown keys are ignored by Paimon). */
  readonly unknownKeys?: Severity;
  /** Keys people write that do not exist, with the real key: an error naming it (even where unknown keys only warn). */
  readonly misnamedKeys?: Readonly<Record<string, string>>;
  readonly formatKeys?: readonly FormatKey[];
  /** Severity for unknown options under a format's prefix: `error` (kafka checks them), `warning` (filesystem passes them on). */
  readonly unknownFormatKeys?: 'error' | 'warning';
  /** Checked before the connector's own options (which may have a `<format>.*` pass-through). */
  readonly rules?: (ctx: RuleContext) => void;
  /** Which required options apply (StarRocks: source or sink set). Defaults to the catalog's. */
  readonly requiredSets?: (values: ReadonlyMap<string, string>) => readonly OptionSet[];
  readonly capabilities: (values: ReadonlyMap<string, string>, ctx: { readonly hasPrimaryKey: boolean }) => ChangelogCapabilities;
  readonly artifacts: (values: ReadonlyMap<string, string>) => MavenArtifact[];
  /** Whether the WITH clause carries `'connector' = …` (Paimon tables inside a Paimon catalog do not). */
  readonly printsConnectorKey?: (values: ReadonlyMap<string, string>) => boolean;
}

export interface ConnectorValidation {
  readonly diagnostics: Diagnostic[];
  readonly entries: ValidatedEntry[];
  readonly values: ReadonlyMap<string, string>;
}

const PREFIX: Record<FormatKey, string> = { format: '', 'value.format': 'value.', 'key.format': 'key.' };

export function validateConnector(def: ConnectorDefinition, input: readonly Entry[], ctx: TableContext): ConnectorValidation {
  const what = `the '${def.identifier}' connector`;
  const own = OptionSet.of(def.catalog);
  const formatSets: OptionSet[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const formatKey of def.formatKeys ?? []) {
    const entry = input.find((e) => e.key === formatKey);
    if (!entry) continue;
    const id = entry.value.trim().toLowerCase();
    const catalog = FORMAT_CATALOGS.get(id);
    const supported = def.catalog.supportedFormats ?? [];
    if (!catalog || !supported.includes(id)) {
      diagnostics.push({ ...textFields(TEXTS.unknownFormat({ what, format: entry.value, supported })), severity: 'error', path: keyPath(ctx.path, formatKey) });
      continue;
    }
    formatSets.push(OptionSet.of(catalog, `${PREFIX[formatKey]}${id}.`, def.unknownFormatKeys ?? 'error'));
  }
  const misnamed = def.misnamedKeys ?? {};
  for (const e of input) {
    const real = misnamed[e.key];
    if (real !== undefined) diagnostics.push({ ...textFields(TEXTS.unknownKey({ kind: 'misnamed', what, key: e.key, real })), severity: 'error', path: keyPath(ctx.path, e.key) });
  }
  const result = validateEntries(input.filter((e) => misnamed[e.key] === undefined), [...formatSets, own], { what, path: ctx.path, unknownKeys: def.unknownKeys, reserved: ['connector'] });
  diagnostics.push(...result.diagnostics);
  diagnostics.push(...missingRequired(def.requiredSets?.(result.values) ?? [own], result.values, { what, path: ctx.path }));
  const rulesContext: RuleContext = {
    ...ctx,
    values: result.values,
    what,
    report(rule, options = {}) {
      diagnostics.push({
        ...textFields('kind' in rule ? TEXTS.ruleViolation(rule) : rule),
        severity: options.severity ?? 'error',
        path: options.key !== undefined ? keyPath(ctx.path, options.key) : (ctx.path ?? 'options'),
      });
    },
  };
  def.rules?.(rulesContext);
  if (ctx.hasPrimaryKey !== undefined) diagnostics.push(...primaryKeyRule(def, result.values, ctx.hasPrimaryKey, what, ctx.path));
  return { diagnostics, entries: result.entries, values: result.values };
}

function primaryKeyRule(def: ConnectorDefinition, values: ReadonlyMap<string, string>, hasPrimaryKey: boolean, what: string, path?: string): Diagnostic[] {
  const caps = def.capabilities(values, { hasPrimaryKey });
  const problem: PrimaryKeyProblem | undefined = caps.primaryKey === 'required' && !hasPrimaryKey ? { kind: 'required', what, connector: def.identifier }
    : caps.primaryKey === 'rejected' && hasPrimaryKey ? { kind: 'rejected', what } : undefined;
  if (problem === undefined) return [];
  const text = CONNECTOR_TEXTS.primaryKey(problem);
  return [{ code: text.code, severity: 'error', message: text.message, ...(text.hint === undefined ? {} : { hint: text.hint }), path: path ?? 'options' }];
}

/** A connector built by a typed factory: also resolves its capabilities once the table's PRIMARY KEY is known. */
export interface TypedConnector extends Connector {
  /** Warnings found when the connector was declared (e.g. unknown Paimon keys). */
  readonly warnings: readonly Diagnostic[];
  capabilitiesFor(context: { readonly hasPrimaryKey: boolean }): ChangelogCapabilities;
}

/** Builds a connector from a typed options object; throws FlinktsError with every error found. */
export function buildConnector(def: ConnectorDefinition, input: object, path = `${def.identifier}()`): TypedConnector {
  const converted = toEntries(input as Readonly<Record<string, unknown>>, path);
  const validation = validateConnector(def, converted.entries, { path });
  const diagnostics = [...converted.diagnostics, ...validation.diagnostics, ...shapeErrors(validation.entries, converted.shapes, path)];
  if (diagnostics.some((d) => d.severity === 'error')) throw new FlinktsError(diagnostics);
  const values = validation.values;
  const options: Entry[] = def.printsConnectorKey?.(values) === false ? [] : [{ key: 'connector', value: def.identifier }];
  for (const e of validation.entries) options.push(Object.freeze({ key: e.key, value: e.value }));
  const capabilities = Object.freeze(def.capabilities(values, { hasPrimaryKey: false }));
  return Object.freeze({
    identifier: def.identifier,
    options: Object.freeze(options),
    capabilities,
    artifacts: Object.freeze(def.artifacts(values)),
    warnings: Object.freeze(diagnostics),
    capabilitiesFor: (context: { readonly hasPrimaryKey: boolean }) => Object.freeze(def.capabilities(values, context)),
  });
}

const RECEIVED: Readonly<Record<ValueShape, string>> = { array: 'an array', object: 'an object', number: 'a number', boolean: 'a boolean' };

/** Arrays only for list options, objects only for maps; a number or boolean for a (non-pattern) string option is a slip (`topic: 42`). */
function shapeFits(shape: ValueShape, spec: { readonly type: string; readonly pattern?: string }): boolean {
  if (shape === 'array') return spec.type === 'list';
  if (shape === 'object') return spec.type === 'map';
  return spec.type !== 'string' || spec.pattern !== undefined;
}

function shapeErrors(entries: readonly ValidatedEntry[], shapes: ReadonlyMap<string, ValueShape>, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of entries) {
    const shape = shapes.get(e.key);
    if (!shape || !e.match || shapeFits(shape, e.match.spec)) continue;
    out.push({ ...textFields(TEXTS.invalidValue({ kind: 'shape', key: e.key, received: RECEIVED[shape], type: e.match.spec.type, ...(shape === 'number' || shape === 'boolean' ? { text: String(e.value) } : {}) })), severity: 'error', path: keyPath(path, e.key) });
  }
  return out;
}

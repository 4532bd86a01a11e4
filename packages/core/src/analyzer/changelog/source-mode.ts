/**
 * Reading a table, view or CTE: its columns with their time attributes, and the source checks (a sink-only
 * connector read; a connector whose changelog mode flinkts does not know). The mode a table emits is the plan's
 * changelog property (plan/properties/changelog.ts), from the same capabilities.
 */
import type { TableRef } from '../../ast/query.js';
import type { ChangelogCapabilities } from '../../connector/connector.js';
import { UNKNOWN_CAPABILITIES } from '../../connector/connector.js';
import type { CatalogTable } from '../script-catalog.js';
import { tableTimeAttributes } from '../time/table-time-attributes.js';
import type { Stream } from './changelog-mode.js';
import { CHANGELOG_CODES } from './codes.js';
import type { StreamContext } from './stream-context.js';
import { report } from './stream-context.js';

export interface ResolvedCapabilities {
  readonly capabilities: ChangelogCapabilities;
  /** False when flinkts does not know the connector (then `capabilities` is `UNKNOWN_CAPABILITIES`). */
  readonly known: boolean;
  /** `kafka`, `paimon catalog`, … for messages. */
  readonly connector: string;
}

export function connectorName(table: CatalogTable): string {
  const id = table.statement?.options.find((o) => o.key === 'connector')?.value;
  if (id !== undefined) return id;
  return table.catalogType === undefined ? 'no connector' : `${table.catalogType} catalog`;
}

export function resolveCapabilities(table: CatalogTable, ctx: Pick<StreamContext, 'capabilities'>): ResolvedCapabilities {
  const connector = connectorName(table);
  const resolved = table.statement === undefined || ctx.capabilities === undefined
    ? undefined
    : ctx.capabilities(table.statement, table.catalogType === undefined ? {} : { catalogType: table.catalogType });
  return resolved === undefined ? { capabilities: UNKNOWN_CAPABILITIES, known: false, connector } : { capabilities: resolved, known: true, connector };
}

/** The stream of a table reference, or undefined when the name is unknown (name resolution reports it). */
export function tableRefStream(ref: TableRef, ctx: StreamContext): Stream | undefined {
  const last = ref.path[ref.path.length - 1]!;
  const relation = ref.alias ?? last;
  const cte = ref.path.length === 1 ? ctx.ctes.get(last) : undefined;
  const view = cte ?? ctx.views.get(ctx.catalog.qualify(ref.path).join('.'));
  if (view !== undefined) return { ...view, ...(view.columns === undefined ? {} : { columns: view.columns.map((c) => ({ ...c, relation })) }) };
  const table = ctx.catalog.lookup(ref.path);
  if (table === undefined || table.statement === undefined) return undefined;
  const caps = resolveCapabilities(table, ctx);
  if (caps.capabilities.source === undefined && caps.known) {
    report(ctx, CHANGELOG_CODES.notReadable, 'error', `table '${table.path[2]}' cannot be read: connector '${caps.connector}' can only be used as a sink`, 'read from a source table; a sink-only table can only be the target of INSERT INTO', ref.span);
  }
  const key = table.path.join('.');
  if (!caps.known && ctx.capabilities !== undefined && !ctx.reportedUnknown.has(key)) {
    ctx.reportedUnknown.add(key);
    report(ctx, CHANGELOG_CODES.unknownSourceChangelog, 'info', `flinkts does not know the changelog mode of connector '${caps.connector}'; table '${table.path[2]}' is checked as an insert-only source`, 'if the connector emits updates, sinks fed by it must accept updates', ref.span);
  }
  const times = tableTimeAttributes(table.statement);
  const columns = table.columns.map((c) => {
    const time = times.get(c.name);
    return { relation, name: c.name, ...(time === undefined ? {} : { time }) };
  });
  return { columns };
}

/**
 * A table's connector capabilities, and the source checks over the plan's Scan nodes (a sink-only connector read; a
 * connector whose changelog mode flinkts does not know). The mode a table emits is the plan's changelog property
 * (plan/properties/changelog.ts), from the same capabilities.
 */
import type { CreateTable } from '../../ast/statement.js';
import type { CatalogTableEntry } from '../../catalog/catalog.js';
import type { ChangelogCapabilities } from '../../connector/connector.js';
import { UNKNOWN_CAPABILITIES } from '../../connector/connector.js';
import type { Scan } from '../../plan/scan.js';
import { CHANGELOG_TEXTS } from './codes.js';
import type { StreamContext } from './stream-context.js';
import { reportText } from './stream-context.js';

export interface ResolvedCapabilities {
  readonly capabilities: ChangelogCapabilities;
  /** False when flinkts does not know the connector (then `capabilities` is `UNKNOWN_CAPABILITIES`). */
  readonly known: boolean;
  /** `kafka`, `paimon catalog`, … for messages. */
  readonly connector: string;
}

/** A table as the capabilities plug-in sees it: its CREATE TABLE and the type of the catalog it lives in. */
export interface ConnectedTable {
  readonly statement?: CreateTable;
  readonly catalogType?: string;
}

export function connectorName(table: ConnectedTable): string {
  const id = table.statement?.options.find((o) => o.key === 'connector')?.value;
  if (id !== undefined) return id;
  return table.catalogType === undefined ? 'no connector' : `${table.catalogType} catalog`;
}

export function resolveCapabilities(table: ConnectedTable, ctx: Pick<StreamContext, 'capabilities'>): ResolvedCapabilities {
  const connector = connectorName(table);
  const resolved = table.statement === undefined || ctx.capabilities === undefined
    ? undefined
    : ctx.capabilities(table.statement, table.catalogType === undefined ? {} : { catalogType: table.catalogType });
  return resolved === undefined ? { capabilities: UNKNOWN_CAPABILITIES, known: false, connector } : { capabilities: resolved, known: true, connector };
}

/** A catalog table as the capabilities plug-in sees it. */
export function connectedTable(entry: CatalogTableEntry): ConnectedTable {
  const catalogType = entry.catalog?.options.find((o) => o.key === 'type')?.value;
  return { statement: entry.statement, ...(catalogType === undefined ? {} : { catalogType }) };
}

/** The table a Scan reads, as the capabilities plug-in sees it. */
export function scannedTable(scan: Scan): ConnectedTable {
  return connectedTable(scan.table);
}

/** Reading a table: its connector must be a source; one that flinkts does not know is reported once per script. */
export function checkSource(scan: Scan, ctx: StreamContext): void {
  const caps = resolveCapabilities(scannedTable(scan), ctx);
  const name = scan.table.path[2];
  if (caps.capabilities.source === undefined && caps.known) {
    reportText(ctx, CHANGELOG_TEXTS.notReadable({ table: name, connector: caps.connector }), 'error', scan.span);
  }
  if (!caps.known && ctx.capabilities !== undefined && !ctx.reportedUnknown.has(scan.name)) {
    ctx.reportedUnknown.add(scan.name);
    reportText(ctx, CHANGELOG_TEXTS.unknownSourceChangelog({ table: name, connector: caps.connector }), 'info', scan.span);
  }
}

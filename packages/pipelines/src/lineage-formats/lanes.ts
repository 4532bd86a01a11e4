/**
 * The lanes of a lineage picture, left to right: tables without a layer that no job writes (sources), the layers
 * ods → dim → dwd → dws → ads (then any other layer, by name), and tables without a layer that jobs write (sinks).
 */
import type { LineageTable, PipelineLineage } from '@flinkts/core';
import { LAYERS } from '@flinkts/core';

export interface Lane {
  readonly name: string;
  readonly tables: readonly LineageTable[];
}

export function lanes(lineage: PipelineLineage): readonly Lane[] {
  const written = new Set(lineage.jobs.flatMap((j) => j.outputs));
  const laneOf = (t: LineageTable): string => t.layer ?? (written.has(t.name) ? 'sink' : 'source');
  const others = [...new Set(lineage.tables.map(laneOf))].filter((l) => l !== 'source' && l !== 'sink' && !(LAYERS as readonly string[]).includes(l)).sort();
  const order = ['source', ...LAYERS, ...others, 'sink'];
  return order.map((name) => ({ name, tables: lineage.tables.filter((t) => laneOf(t) === name) })).filter((l) => l.tables.length > 0);
}

/**
 * Flink settings in layers — pipeline, job, environment, environment-for-this-job — each validated against the
 * Flink 1.20 option catalog on its own (so a problem is reported where it was written) and merged key by key.
 */
import type { Diagnostic } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import { settings } from '@flinkts/connectors';
import type { FlinkSettingsInput } from '@flinkts/connectors';

export interface SettingEntry {
  readonly key: string;
  readonly value: string;
}

/** Validated entries of one layer, under their 1.20 keys; diagnostics re-pathed to `path`. */
export function settingsLayer(input: FlinkSettingsInput | undefined, path: string, diagnostics: Diagnostic[]): SettingEntry[] {
  if (input === undefined) return [];
  const repath = (d: Diagnostic): Diagnostic => ({ ...d, path: d.path === undefined ? path : d.path.replace(/^settings/, path) });
  try {
    const result = settings(input);
    diagnostics.push(...result.diagnostics.map(repath));
    return result.entries.map((e) => ({ key: e.key, value: e.value }));
  } catch (e) {
    if (e instanceof FlinktsError) {
      diagnostics.push(...e.diagnostics.map(repath));
      return [];
    }
    throw e;
  }
}

/** Later layers win; the key order is the first appearance's. */
export function mergeSettings(...layers: readonly (readonly SettingEntry[])[]): SettingEntry[] {
  const merged = new Map<string, string>();
  for (const layer of layers) for (const e of layer) merged.set(e.key, e.value);
  return [...merged].map(([key, value]) => ({ key, value }));
}

/**
 * Hive settings Flink's Hive catalog does not take as catalog options (`hive.metastore.uris`, the warehouse
 * directory, the OSS / S3 file-system endpoint and keys): Hive reads them from `hive-site.xml` in the catalog's
 * `hive-conf-dir`. A Hive catalog declared with `hiveSite` carries them; a pipeline writes the file. Credentials
 * are `secret()`s only, written as `${env.NAME}`, which Hadoop's Configuration resolves from the environment of
 * the Flink processes when it reads the file.
 */
import type { Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { TEXTS } from '../options/codes.js';
import { isSensitive } from '../options/sensitive.js';
import { Secret } from '../options/values.js';

export type HiveSiteInput = Readonly<Record<string, string | Secret>>;

/** One hive-site.xml property: a plain value, or the name of a secret. */
export type HiveSiteEntry = { readonly key: string; readonly value: string } | { readonly key: string; readonly secret: string };

/** Keys that hold credentials in hive-site.xml / core-site.xml style configuration. */
const CREDENTIAL = /(access[-_.]?key(id|secret)?|secret[-_.]?key|password|passwd|token|credential)/i;

export function hiveSiteEntries(input: HiveSiteInput, path: string): { entries: HiveSiteEntry[]; diagnostics: Diagnostic[] } {
  const entries: HiveSiteEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof Secret) {
      entries.push({ key, secret: value.name });
    } else if (CREDENTIAL.test(key) || isSensitive(key)) {
      diagnostics.push({ ...textFields(TEXTS.plaintextSecret({ kind: 'hiveSite', key })), severity: 'error', path: `${path}.hiveSite.${key}` });
    } else if (typeof value !== 'string') {
      diagnostics.push({ ...textFields(TEXTS.invalidValue({ kind: 'hiveSite', key })), severity: 'error', path: `${path}.hiveSite.${key}` });
    } else {
      entries.push({ key, value });
    }
  }
  return { entries, diagnostics };
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The hive-site.xml text; `value` rewrites plain values (variable substitution). */
export function hiveSiteXml(entries: readonly HiveSiteEntry[], comment: string, value: (v: string) => string = (v) => v): string {
  const props = entries.map((e) => `  <property>\n    <name>${xml(e.key)}</name>\n    <value>${xml('secret' in e ? `\${env.${e.secret}}` : value(e.value))}</value>\n  </property>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${xml(comment).replace(/--/g, '- -')} -->\n<configuration>\n${props}</configuration>\n`;
}

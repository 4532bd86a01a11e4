/**
 * The VVP Deployment and the Realtime Compute calls validated against JSON schemas written from the platforms'
 * API models (schemas/*.schema.json: required fields, enums, types, no unknown fields), with ajv.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';

const schema = (name: string): object => JSON.parse(readFileSync(new URL(`./schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const vvp = ajv.compile(schema('vvp-deployment'));
const alibaba = ajv.compile(schema('alibaba-request'));

const messages = (errors: typeof vvp.errors): string[] => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);

/** Schema violations of a VVP Deployment YAML (empty when valid). */
export function vvpSchemaProblems(yamlText: string): string[] {
  return vvp(parseYaml(yamlText)) ? [] : messages(vvp.errors);
}

/** Schema violations of a Realtime Compute call file (empty when valid). */
export function alibabaSchemaProblems(jsonText: string): string[] {
  return alibaba(JSON.parse(jsonText)) ? [] : messages(alibaba.errors);
}

/**
 * The platforms' rules for job specs (reference: StreamPark 2.1.x ApplicationController / ApplicationServiceImpl /
 * FlinkSqlValidator / VariableServiceImpl, VVP 2.x Deployment models and SQL-deployment shape, Alibaba
 * ververica 2022-07-18 Deployment), as checks over emitted artifacts. Each returns the problems it finds.
 */
import { parse as parseYaml } from 'yaml';
import { parseScript } from '@flinkts/core';
import type { Statement } from '@flinkts/core';
import { validateSettings } from '@flinkts/connectors';
import { isSensitive } from '@flinkts/connectors/internal';
import { decodeForm, vvpShapeProblems } from '@flinkts/pipelines/internal';

const JOB_NAME = /^[.\u4e00-\u9fa5A-Za-z\d_\-\s]+$/;
const VARIABLE_CODE = /^([A-Za-z])+([A-Za-z0-9._-])+$/;
const PLACEHOLDER = /\$\{([^}]*)\}/g;
const ID = /^(\d+|\$\{[A-Za-z][A-Za-z0-9._-]+\})$/;
const VVP_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Problems of a SQL script: parse errors, and credentials that are not `${NAME}` placeholders. */
export function sqlProblems(sql: string): { problems: string[]; statements: readonly Statement[] } {
  const problems: string[] = [];
  const { script, diagnostics } = parseScript(sql);
  for (const d of diagnostics) problems.push(`parse: ${d.message}`);
  for (const s of script.statements) {
    const options = s.kind === 'CreateTable' || s.kind === 'CreateCatalog' ? s.options : [];
    for (const o of options) {
      if (!isSensitive(o.key)) continue;
      const withoutPlaceholders = o.value.replace(PLACEHOLDER, '');
      if (/jaas\.config$/.test(o.key)) {
        for (const m of o.value.matchAll(/(username|password)="([^"]*)"/g)) if (!/^\$\{[^}]+\}$/.test(m[2]!)) problems.push(`plaintext ${m[1]} in '${o.key}'`);
      } else if (withoutPlaceholders.trim() !== '') {
        problems.push(`plaintext credential in '${o.key}'`);
      }
    }
  }
  return { problems, statements: script.statements };
}

/** The rules of `POST /flink/app/create` for a SQL job, checked on the decoded form body. */
export function streamparkProblems(body: string, variableCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const pairs = decodeForm(body.trimEnd());
  const keys = pairs.map(([k]) => k);
  if (new Set(keys).size !== keys.length) problems.push('a field is sent twice');
  const f = new Map(pairs);
  const need = (k: string) => {
    const v = f.get(k);
    if (v === undefined) problems.push(`missing field ${k}`);
    return v ?? '';
  };
  if (need('jobType') !== '2') problems.push('jobType must be 2 (Flink SQL)');
  if (need('appType') !== '1') problems.push('appType must be 1 (the UI sends 1 for SQL jobs)');
  if (!/^[0-6]$/.test(need('executionMode'))) problems.push('executionMode must be 0..6');
  if (!ID.test(need('versionId'))) problems.push('versionId must be an id or a placeholder');
  if (!ID.test(need('teamId'))) problems.push('teamId must be an id or a placeholder (create refuses a null teamId)');
  const name = need('jobName');
  if (!JOB_NAME.test(name) || /\s{2,}/.test(name)) problems.push(`jobName '${name}' breaks JOB_NAME_PATTERN / single spaces`);
  const sql = need('flinkSql');
  if (/^[A-Za-z0-9+/=\s]+$/.test(sql)) problems.push('flinkSql looks Base64-encoded; create takes plain SQL');
  const { problems: sqlIssues, statements } = sqlProblems(sql);
  problems.push(...sqlIssues.map((p) => `flinkSql: ${p}`));
  if (!statements.some((s) => s.kind === 'Insert' || s.kind === 'StatementSet')) problems.push('flinkSql has no INSERT (StreamPark verify fails)');
  if (!sql.trimEnd().endsWith(';')) problems.push('flinkSql must end with ; (ENDS_WITH)');
  for (const m of sql.matchAll(PLACEHOLDER)) {
    if (!VARIABLE_CODE.test(m[1]!)) problems.push(`\${${m[1]}} is not a StreamPark variable reference`);
    else if (!variableCodes.has(m[1]!)) problems.push(`\${${m[1]}} is not in the team variables file`);
  }
  let options: Record<string, unknown> = {};
  try {
    options = JSON.parse(need('options')) as Record<string, unknown>;
  } catch {
    problems.push('options is not JSON');
  }
  const entries = Object.entries(options).map(([key, value]) => {
    if (value === null) problems.push(`options.${key} is null`);
    return { key, value: String(value) };
  });
  for (const d of validateSettings(entries, { path: 'options' }).diagnostics) if (d.severity === 'error') problems.push(`options: ${d.message}`);
  const dynamic = f.get('dynamicProperties');
  if (dynamic !== undefined) {
    const items: { key: string; value: string }[] = [];
    for (const line of dynamic.split('\n')) {
      const m = /^-D([^=\s]+)=("(?:[^"\\]|\\.)*"|\S+)$/.exec(line);
      if (m === null) problems.push(`dynamicProperties line '${line}' is not -Dkey=value`);
      else items.push({ key: m[1]!, value: m[2]!.startsWith('"') ? (JSON.parse(m[2]!) as string) : m[2]! });
    }
    for (const d of validateSettings(items, { path: 'dynamicProperties' }).diagnostics) if (d.severity === 'error') problems.push(`dynamicProperties: ${d.message}`);
  }
  const dependency = f.get('dependency');
  if (dependency !== undefined) {
    const dep = JSON.parse(dependency) as { pom?: unknown; jar?: unknown };
    if (!Array.isArray(dep.pom) || !Array.isArray(dep.jar)) problems.push('dependency must be {"pom":[…],"jar":[…]}');
    for (const p of (dep.pom as Record<string, unknown>[] | undefined) ?? []) {
      for (const k of ['groupId', 'artifactId', 'version']) if (typeof p[k] !== 'string' || p[k] === '') problems.push(`dependency pom entry without ${k}`);
    }
  }
  if (!['0', '1'].includes(need('resolveOrder'))) problems.push('resolveOrder must be 0 or 1');
  const restart = f.get('restartSize');
  if (restart !== undefined && !/^\d+$/.test(restart)) problems.push('restartSize must be a count');
  const action = f.get('cpFailureAction');
  if (action !== undefined && !['1', '2'].includes(action)) problems.push('cpFailureAction must be 1 (alert) or 2 (restart)');
  return problems;
}

/** VVP 2.x Deployment rules: naming, required structure, SQLSCRIPT shape. */
export function vvpProblems(yamlText: string): string[] {
  const problems: string[] = [];
  const d = parseYaml(yamlText) as Record<string, any>;
  if (d.apiVersion !== 'v1' || d.kind !== 'Deployment') problems.push('apiVersion v1, kind Deployment');
  const name = String(d.metadata?.name ?? '');
  if (!VVP_NAME.test(name)) problems.push(`name '${name}' breaks [a-z0-9-], ≤ 63`);
  if (typeof d.metadata?.namespace !== 'string') problems.push('metadata.namespace missing');
  const spec = d.spec ?? {};
  if (!['RUNNING', 'SUSPENDED', 'CANCELLED'].includes(spec.state)) problems.push('spec.state');
  if (!['STATEFUL', 'STATELESS', 'NONE'].includes(spec.upgradeStrategy?.kind)) problems.push('spec.upgradeStrategy.kind');
  if (!['LATEST_STATE', 'LATEST_SAVEPOINT', 'NONE', 'FROM_SAVEPOINT'].includes(spec.restoreStrategy?.kind)) problems.push('spec.restoreStrategy.kind');
  if ((spec.deploymentTargetName === undefined) === (spec.sessionClusterName === undefined)) problems.push('exactly one of deploymentTargetName / sessionClusterName');
  const t = spec.template?.spec ?? {};
  if (t.artifact?.kind !== 'SQLSCRIPT') problems.push('artifact.kind SQLSCRIPT');
  if (typeof t.artifact?.flinkVersion !== 'string') problems.push('artifact.flinkVersion must be a string');
  const { problems: sqlIssues, statements } = sqlProblems(String(t.artifact?.sqlScript ?? ''));
  problems.push(...sqlIssues.map((p) => `sqlScript: ${p}`));
  problems.push(...vvpShapeProblems(statements).map((p) => `sqlScript: ${p}`));
  for (const role of ['jobmanager', 'taskmanager']) {
    const r = t.resources?.[role] ?? {};
    if (r.cpu !== undefined && typeof r.cpu !== 'number') problems.push(`${role}.cpu must be a number`);
    if (r.memory !== undefined && !/^\d+[GM]$/.test(String(r.memory))) problems.push(`${role}.memory '${r.memory}'`);
  }
  for (const [k, v] of Object.entries(t.flinkConfiguration ?? {})) if (typeof v !== 'string') problems.push(`flinkConfiguration.${k} must be a string`);
  if (t.parallelism !== undefined && !(Number.isInteger(t.parallelism) && t.parallelism > 0)) problems.push('parallelism');
  return problems;
}

/** Alibaba Realtime Compute (2022-07-18) deployment body rules. */
export function alibabaProblems(jsonText: string): string[] {
  const problems: string[] = [];
  const { endpoint, body } = JSON.parse(jsonText) as { endpoint: string; body: Record<string, any> };
  if (!/^\/api\/v2\/namespaces\/[^/]+\/deployments$/.test(endpoint)) problems.push('endpoint');
  if (!VVP_NAME.test(String(body.name))) problems.push('name');
  if (!['STREAMING', 'BATCH'].includes(body.executionMode)) problems.push('executionMode');
  if (!/^vvr-/.test(String(body.engineVersion))) problems.push('engineVersion');
  if (!['PER_JOB', 'SESSION'].includes(body.deploymentTarget?.mode)) problems.push('deploymentTarget.mode');
  if (body.artifact?.kind !== 'SQLSCRIPT' || typeof body.artifact?.sqlArtifact?.sqlScript !== 'string') problems.push('artifact.sqlArtifact.sqlScript');
  const sql = String(body.artifact?.sqlArtifact?.sqlScript ?? '');
  const { problems: sqlIssues, statements } = sqlProblems(sql.replace(/\$\{secret_values\.([^}]+)\}/g, '${$1}'));
  problems.push(...sqlIssues.map((p) => `sqlScript: ${p}`));
  problems.push(...vvpShapeProblems(statements).map((p) => `sqlScript: ${p}`));
  const basic = body.streamingResourceSetting?.basicResourceSetting;
  if (body.streamingResourceSetting?.resourceSettingMode !== 'BASIC' || basic === undefined) problems.push('streamingResourceSetting BASIC');
  for (const k of ['jobmanagerResourceSettingSpec', 'taskmanagerResourceSettingSpec']) {
    const m = basic?.[k]?.memory;
    if (m !== undefined && !/^\d+(Gi|Mi)$/.test(String(m))) problems.push(`${k}.memory '${m}'`);
  }
  const locals = new Set(((body.localVariables ?? []) as { name: string }[]).map((v) => v.name));
  for (const m of sql.matchAll(PLACEHOLDER)) {
    if (!m[1]!.startsWith('secret_values.') && !locals.has(m[1]!)) problems.push(`\${${m[1]}} has no local variable`);
  }
  return problems;
}

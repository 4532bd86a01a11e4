/** How `flinkts plan` (and `deploy --dry-run`) print a job's plan: action, SQL and setting diff, state verdict. */
import type { JobPlan } from '@flinkts/pipelines';

const CONSEQUENCE: Record<string, string> = {
  safe: 'safe',
  'state-dropped': 'state dropped (starts only with --allow-non-restored-state)',
  'restore-fails': 'restore fails (Flink refuses the savepoint)',
};

const indent = (text: string, by: string): string => text.split('\n').map((l) => `${by}${l}`).join('\n');

export function planText(p: JobPlan): string {
  const out: string[] = [];
  const from = p.deployed ? `version ${p.deployed.version} (${p.deployed.hash.slice(0, 12)})` : undefined;
  const to = p.artifact ? p.artifact.hash.slice(0, 12) : undefined;
  const head: Record<string, string> = {
    create: `create (${to})`,
    update: `update ${from ?? `a run not recorded here (${p.running.map((r) => r.jobId).join(', ')})`} → ${to}`,
    unchanged: `unchanged${from ? ` (${from})` : ''}`,
    removed: `removed (stops ${from ?? 'its run'} with a savepoint)`,
    resume: `resume (${from} was stopped with a savepoint; its start did not happen)`,
  };
  out.push(`${p.job}: ${head[p.action]}`);
  if (p.diff?.changed) {
    out.push('  SQL:');
    for (const l of p.diff.lines) if (l.op !== '=' && !/^\s*SET\s/i.test(l.statement)) out.push(indent(l.statement, `    ${l.op} `));
  }
  if (p.settings !== undefined && p.settings.length > 0) {
    out.push('  settings:');
    for (const s of p.settings) out.push(`    ${s.key}: ${s.from ?? '(unset)'} → ${s.to ?? '(unset)'}`);
  }
  if (p.state !== undefined) {
    out.push(`  state: ${CONSEQUENCE[p.state.verdict]}`);
    for (const f of p.state.findings) out.push(`    ${f.operator}: ${f.change} → ${CONSEQUENCE[f.consequence]}`);
  } else if (p.action === 'update' && p.deployed !== undefined) {
    out.push(`  state: not checked (${p.compileProblem ?? 'the deployed version has no compiled plan on record'}); the health check decides`);
  }
  return out.join('\n');
}

/** The plan as JSON (statements by diff line; compiled plans left out). */
export function planJson(p: JobPlan): Record<string, unknown> {
  return {
    job: p.job,
    action: p.action,
    running: p.running,
    ...(p.deployed ? { deployed: { version: p.deployed.version, hash: p.deployed.hash, deployedAt: p.deployed.deployedAt } } : {}),
    ...(p.artifact ? { hash: p.artifact.hash } : {}),
    ...(p.diff ? { diff: p.diff.lines.filter((l) => l.op !== '=') } : {}),
    ...(p.settings ? { settings: p.settings } : {}),
    ...(p.state ? { state: p.state } : {}),
    ...(p.compileProblem ? { compileProblem: p.compileProblem } : {}),
  };
}

// Child process of exports.test.ts: calls every function exported from the public entry points (the built dist/,
// as users load them), every exported class's constructor and every method of the objects they build
// (exports-objects.mjs finds them) with hostile arguments, and reports each call that ends in anything but a
// FlinktsError or a normal return. It writes `BEGIN <i>` before and `END <i>` after the i-th target, synchronously,
// so the parent can tell which one hangs (a synchronous loop never yields): it kills the child and restarts it at
// i + 1.
//
//   node exports-probe.mjs <start index>
//
// Lines: `COUNT <n>`, `BEGIN <i> <entry> <name>`, `BAD <i> <args> -> <what>`, `END <i>`.
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTRIES, HOSTILE_VALUES, LEFT_OUT } from './exports-entries.mjs';
import { buildSeeds, privateMembers, probeTargets } from './exports-objects.mjs';

const start = Number(process.argv[2] ?? 0);
const out = (line) => writeSync(1, `${line}\n`);

const { FlinktsError, printDataType, printExpression, printQuery, printStatement } = await import(new URL('../../packages/core/dist/index.js', import.meta.url).href);
const modules = new Map();
for (const entry of ENTRIES) modules.set(entry.name, await import(new URL(`../../${entry.file}`, import.meta.url).href));
const isClass = (v) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));

const targets = [];
for (const [entry, m] of modules) {
  for (const [name, value] of Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (typeof value === 'function' && !isClass(value)) targets.push({ entry, name, call: (args) => value(...args), valid: [] });
  }
}
const root = fileURLToPath(new URL('../..', import.meta.url));
targets.push(...probeTargets(modules, buildSeeds(modules), (kind, method) => LEFT_OUT.some((l) => l.kind.test(kind) && l.method.test(method)), privateMembers(root)));
out(`COUNT ${targets.length}`);

/** A promise's rejection counts like a throw; one that settles neither way within the limit is a hang. */
const ASYNC_LIMIT_MS = 5_000;
const settle = (p) => new Promise((resolve) => {
  const timer = setTimeout(() => resolve({ hang: true }), ASYNC_LIMIT_MS);
  p.then((value) => { clearTimeout(timer); resolve({ value }); }, (error) => { clearTimeout(timer); resolve({ error }); });
});

const what = (e) => (e instanceof FlinktsError ? undefined : `${e?.constructor?.name ?? typeof e} ${String(e?.message ?? e).split('\n')[0].slice(0, 160)}`);

/**
 * What a call returned, printed as SQL the way a user's job would be (an expression, a type, a query, a statement):
 * a value accepted into a builder must not make the printer fail later. The error, or undefined.
 */
function printed(r) {
  if (r === null || typeof r !== 'object') return undefined;
  const texts = [];
  try {
    const node = r.node;
    if (node !== null && typeof node === 'object') {
      if (typeof node.kind === 'string' && r.constructor?.name?.includes('SqlType')) texts.push(printDataType(node));
      else if (typeof node.kind === 'string') texts.push(printExpression(node));
    }
    if (r.query !== null && typeof r.query === 'object' && typeof r.query.kind === 'string') texts.push(printQuery(r.query));
    if (typeof r.toStatement === 'function') texts.push(printStatement(r.toStatement()));
    else if (typeof r.kind === 'string' && /^(Insert|Create|StatementSet)/.test(r.kind)) texts.push(printStatement(r));
  } catch (e) {
    return e;
  }
  // a JavaScript value that leaked into the SQL as its string form
  const leak = texts.map((t) => LEAKED.exec(t)?.[0]).find((m) => m !== undefined);
  return leak === undefined ? undefined : new Error(`the SQL holds '${leak}' (a JavaScript value printed as text)`);
}

const LEAKED = /\bundefined\b|\[object \w+\]|\bNaN\b|=>/;

/** A callback that returns a hostile value (`.where(() => true)`: a JavaScript comparison in place of `.gt(…)`). */
const returning = (v) => Object.defineProperty(() => v, 'shown', { value: `() => ${v === undefined ? '<undefined>' : JSON.stringify(v)}` });
const VALUES = [...HOSTILE_VALUES, ...HOSTILE_VALUES.map(returning)];
const show = (a) => (a === undefined ? '<undefined>'
  : typeof a === 'function' ? (a.shown ?? '<function>')
    : HOSTILE_VALUES.includes(a) || a === null || typeof a !== 'object' ? a : `<${a.constructor?.name ?? 'object'}>`);

/**
 * The argument lists for one hostile value: alone, twice, after 'x', and — for up to two well-formed lists the call
 * took — in each of their positions and after the longest (an options argument after valid ones).
 */
function argumentLists(v, valid) {
  const lists = [[v], ['x', v], [v, v]];
  const longest = [...valid].sort((a, b) => b.length - a.length).slice(0, 2);
  for (const ok of longest) {
    for (let i = 0; i < ok.length; i++) lists.push(ok.map((a, j) => (j === i ? v : a)));
  }
  if (longest.length > 0) lists.push([...longest[0], v]);
  return lists;
}

for (let i = start; i < targets.length; i++) {
  const { entry, name, call, valid = [] } = targets[i];
  out(`BEGIN ${i} ${entry} ${name}`);
  for (const v of VALUES) {
    for (const args of argumentLists(v, valid)) {
      const shown = JSON.stringify(args.map(show));
      let problem;
      try {
        const r = call(args);
        if (r !== null && typeof r === 'object' && typeof r.then === 'function') {
          const s = await settle(r);
          if (s.hang) problem = `async: no answer in ${ASYNC_LIMIT_MS} ms`;
          else if ('error' in s) problem = what(s.error);
        } else {
          const e = printed(r);
          if (e !== undefined) problem = what(e) === undefined ? undefined : `accepted, then printing it fails: ${what(e)}`;
        }
      } catch (e) {
        problem = what(e);
      }
      if (problem !== undefined) out(`BAD ${i} ${shown} -> ${problem}`);
    }
  }
  out(`END ${i}`);
}
out('DONE');
process.exit(0);

// Child process of exports.test.ts: calls every function exported from the public entry points (the built dist/,
// as users load them) with hostile arguments and reports each call that ends in anything but a FlinktsError or a
// normal return. It writes `BEGIN <i>` before and `END <i>` after the i-th function, synchronously, so the parent
// can tell which function hangs (a synchronous loop never yields): it kills the child and restarts it at i + 1.
//
//   node exports-probe.mjs <start index>
//
// Lines: `COUNT <n>`, `BEGIN <i> <entry> <name>`, `BAD <i> <args> -> <what>`, `END <i>`.
import { writeSync } from 'node:fs';
import { ENTRIES, HOSTILE_VALUES } from './exports-entries.mjs';

const start = Number(process.argv[2] ?? 0);
const out = (line) => writeSync(1, `${line}\n`);

const { FlinktsError } = await import(new URL('../../packages/core/dist/index.js', import.meta.url).href);
const functions = [];
for (const entry of ENTRIES) {
  const m = await import(new URL(`../../${entry.file}`, import.meta.url).href);
  for (const [name, value] of Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Classes (capitalised) are constructed by the functions that return them; their constructors are not entries.
    if (typeof value === 'function' && !/^[A-Z]/.test(name)) functions.push({ entry: entry.name, name, f: value });
  }
}
out(`COUNT ${functions.length}`);

/** A promise's rejection counts like a throw; one that settles neither way within the limit is a hang. */
const ASYNC_LIMIT_MS = 5_000;
const settle = (p) => new Promise((resolve) => {
  const timer = setTimeout(() => resolve({ hang: true }), ASYNC_LIMIT_MS);
  p.then((value) => { clearTimeout(timer); resolve({ value }); }, (error) => { clearTimeout(timer); resolve({ error }); });
});

const what = (e) => (e instanceof FlinktsError ? undefined : `${e?.constructor?.name ?? typeof e} ${String(e?.message ?? e).split('\n')[0].slice(0, 160)}`);

for (let i = start; i < functions.length; i++) {
  const { entry, name, f } = functions[i];
  out(`BEGIN ${i} ${entry} ${name}`);
  for (const v of HOSTILE_VALUES) {
    for (const args of [[v], ['x', v], [v, v]]) {
      const shown = JSON.stringify(args.map((a) => (a === undefined ? '<undefined>' : a)));
      let problem;
      try {
        const r = f(...args);
        if (r !== null && typeof r === 'object' && typeof r.then === 'function') {
          const s = await settle(r);
          if (s.hang) problem = `async: no answer in ${ASYNC_LIMIT_MS} ms`;
          else if ('error' in s) problem = what(s.error);
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

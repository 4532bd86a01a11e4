/**
 * `flinkts init [dir]`: scaffold a pipeline repo (like `dbt init` / `sqlmesh init`) — package.json depending on
 * flinkts, a strict tsconfig, flinkts.config.ts with one source, one sink, one job and two environments, a unit
 * test on the local runtime, and a README. Refuses to overwrite existing files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE } from '../exit-code.js';
import type { TemplateVersions } from '../init/template.js';
import { templateFiles } from '../init/template.js';
import { packageRoot } from '../package-root.js';

const HELP = `Usage: flinkts init [<dir>] [--name <name>]

Create a new pipeline repo in <dir> (default: the current folder), which must be empty or not exist yet:
  package.json          depends on flinkts; scripts test (tsc --noEmit + vitest), check, build
  tsconfig.json         strict settings (exactOptionalPropertyTypes, noUncheckedIndexedAccess, …)
  flinkts.config.ts     one job, its settings, environments dev and prod with their variables and secrets
  src/tables.ts         a Kafka source (JSON, with a watermark) and a MySQL sink (JDBC upsert)
  src/queries.ts        a one-minute tumbling window per user
  test/*.test.ts        the job on the local runtime with the changelog matchers
  README.md             what is where and the commands
Then: npm install && npm test && npx flinkts build

Options:
  --name <name>  the package and pipeline name (default: the folder's name)
${EXIT_CODES_HELP}
`;

/** flinkts's own version and the tool versions it is tested with (its package.json). */
function versions(): TemplateVersions {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string; devDependencies?: Record<string, string> };
  const dev = pkg.devDependencies ?? {};
  return { flinkts: `^${pkg.version}`, typescript: dev.typescript ?? '^5.9.0', vitest: dev.vitest ?? '^4.0.0', typesNode: dev['@types/node'] ?? '^20.0.0' };
}

/** npm's rule for package names, reduced: lower case, URL-safe, no leading dot or underscore. */
const validName = (name: string): boolean => /^[a-z0-9][a-z0-9._-]*$/.test(name) && name.length <= 214;

export const command: Command = {
  name: 'init',
  summary: COMMAND_SUMMARIES.init,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: [], values: ['name'] });
    if (args.problems.length > 0 || args.positionals.length > 1) {
      io.stderr(`flinkts init: ${args.problems[0] ?? 'give at most one folder'}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const dir = resolve(io.cwd, args.positionals[0] ?? '.');
    const name = args.values.get('name') ?? basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
    if (!validName(name)) {
      io.stderr(`flinkts init: '${name}' is not a valid package name (lower-case letters, digits, '-', '.', '_'); choose one with --name\n`);
      return EXIT_USAGE;
    }
    if (existsSync(dir) && readdirSync(dir).some((f) => f !== '.git')) {
      io.stderr(`flinkts init: ${dir} is not empty; choose a new folder (flinkts init <dir>)\n`);
      return EXIT_USAGE;
    }
    const files = templateFiles(name, versions());
    for (const f of files) {
      const path = join(dir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    const shown = relative(io.cwd, dir) || '.';
    io.stdout(`created pipeline ${name} in ${shown}:\n${files.map((f) => `  ${f.path}`).join('\n')}\nnext:\n${shown === '.' ? '' : `  cd ${shown}\n`}  npm install\n  npm test\n  npx flinkts build\n`);
    return EXIT_OK;
  },
};

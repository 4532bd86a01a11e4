/**
 * `flinkts <command> …`: dispatches to the commands in `./commands/` (every `<name>.js` exporting `command`), so a
 * new command is one new file (and its line in `command-summaries.ts`). Only the command that runs is imported:
 * `--help` lists the commands from their summaries and imports none, so `--version` and `--help` stay cheap.
 * Exit codes: see `exit-code.ts` (0 ok, 1 problems in the input, 2 usage or configuration error).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIO, Command } from './command.js';
import { COMMAND_SUMMARIES } from './command-summaries.js';
import { EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE } from './exit-code.js';
import { cliDir, packageRoot, runsSources } from './package-root.js';

const commandsDir = join(cliDir, 'commands');
// Compiled (dist/cli/commands/*.js) or, in the repo's own tests, the sources (src/cli/commands/*.ts).
const ext = runsSources ? '.ts' : '.js';

/** Names of the available commands (the files in `commands/`), sorted. */
export function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

async function loadCommand(name: string): Promise<Command | undefined> {
  const file = join(commandsDir, `${name}${ext}`);
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { command?: Command };
  return mod.command;
}

export async function loadCommands(): Promise<Command[]> {
  const all = await Promise.all(commandNames().map(loadCommand));
  return all.filter((c): c is Command => c !== undefined);
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const names = commandNames();
  const summaries: Readonly<Record<string, string>> = COMMAND_SUMMARIES;
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: flinkts <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${summaries[n] ?? ''}`),
    '',
    'Options:',
    '  --help     show help (also: flinkts help <command>, flinkts <command> --help)',
    '  --version  print the version',
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

async function unknownCommand(name: string, io: CliIO): Promise<number> {
  const { didYouMean } = await import('@flinkts/core/internal');
  const hint = didYouMean(name, commandNames());
  io.stderr(`flinkts: unknown command '${name}'${hint === undefined ? '' : ` — ${hint}`}\n\n${usage()}`);
  return EXIT_USAGE;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(usage());
      return EXIT_OK;
    }
    const command = await loadCommand(topic);
    if (command === undefined) return unknownCommand(topic, io);
    io.stdout(`${command.help.trimEnd()}\n`);
    return EXIT_OK;
  }
  const command = await loadCommand(name);
  if (command === undefined) return unknownCommand(name, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help.trimEnd()}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io);
}

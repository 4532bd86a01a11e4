/**
 * `flinkts <command> …`: dispatches to the commands in `./commands/` (every file exporting `command`), so a new
 * command is one new file. Exit codes: 0 success, 1 problems found, 2 usage or configuration error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '@flinkts/core';
import type { CliIO, Command } from './command.js';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadCommands(): Promise<Command[]> {
  const dir = join(here, 'commands');
  const files = readdirSync(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts')).sort();
  const commands: Command[] = [];
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { command?: Command };
    if (mod.command !== undefined) commands.push(mod.command);
  }
  return commands;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: flinkts <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help     show help (also: flinkts <command> --help)',
    '  --version  print the version',
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
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage(commands));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const hint = didYouMean(name, commands.map((c) => c.name));
    io.stderr(`flinkts: unknown command '${name}'${hint === undefined ? '' : ` — ${hint}`}\n\n${usage(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help.trimEnd()}\n`);
    return 0;
  }
  return command.run(rest, io);
}

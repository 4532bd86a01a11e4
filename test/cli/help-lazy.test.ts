/**
 * `flinkts --help` and `flinkts help` list every command without importing any command or package: the summaries
 * come from `command-summaries.ts`. `help <command>` imports that command only. Runs `main` in-process with the
 * flinkts packages replaced by modules that record their import.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, vi } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { COMMAND_SUMMARIES } from '../../src/cli/command-summaries.js';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@flinkts/core', async (original) => {
  loaded.add('@flinkts/core');
  return original();
});
vi.mock('@flinkts/connectors', async (original) => {
  loaded.add('@flinkts/connectors');
  return original();
});
vi.mock('@flinkts/pipelines', async (original) => {
  loaded.add('@flinkts/pipelines');
  return original();
});

const io = (out: string[]): CliIO => ({ cwd: process.cwd(), stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => new Uint8Array() });
const commandsDir = fileURLToPath(new URL('../../src/cli/commands/', import.meta.url));

test('--help and help list every command with its summary and load no command or package; help <command> loads that one', async () => {
  const { main, loadCommands } = await import('../../src/cli/main.js');
  const out: string[] = [];
  expect(await main(['--help'], io(out))).toBe(0);
  expect(await main(['help'], io(out))).toBe(0);
  expect(await main([], io(out))).toBe(2);
  expect([...loaded]).toEqual([]);
  const help = out[0]!;
  for (const [name, summary] of Object.entries(COMMAND_SUMMARIES)) expect(help).toMatch(new RegExp(`^  ${name} +${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  expect(out[1]).toBe(help);

  expect(await main(['help', 'fmt'], io(out))).toBe(0);
  expect(out.at(-1)).toContain('Usage: flinkts fmt');
  expect(loaded.has('@flinkts/pipelines')).toBe(false);

  // The summaries are the commands': one line per file in commands/, each command's summary is its line.
  const files = readdirSync(commandsDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
  expect(Object.keys(COMMAND_SUMMARIES).sort()).toEqual(files);
  const commands = await loadCommands();
  expect(commands.map((c) => [c.name, c.summary])).toEqual(files.map((n) => [n, (COMMAND_SUMMARIES as Record<string, string>)[n]]));
});

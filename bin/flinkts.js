#!/usr/bin/env node
// The flinkts CLI. Registers tsx so the TypeScript sources (and users' flinkts.config.ts) run without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The flinkts CLI: compiled JavaScript (dist/). A pipeline's flinkts.config.ts is loaded with a TypeScript loader
// only by the commands that need one (see dist/cli/load-pipeline.js).
import { main } from '../dist/cli/main.js';

// `flinkts lineage … | head`: a reader that stops early is not an error (Node would throw EPIPE).
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));

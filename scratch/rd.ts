import { printStatements } from '@flinkts/core';
import { jobStatements } from '@flinkts/pipelines';
import realtimeDw from '../examples/realtime-dw/flinkts.config.ts';
console.log(printStatements(jobStatements(realtimeDw, 'dev', process.argv[2] ?? 'rt-dw-cdc-ingestion') as never));

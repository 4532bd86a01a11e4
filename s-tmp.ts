import { checkPipeline } from '@flinkts/pipelines';
import p from './examples/wrongbook/flinkts.config.js';
console.log(JSON.stringify(checkPipeline(p, 'prod').map((d) => [d.code, d.message, d.hint, d.path]), null, 1));

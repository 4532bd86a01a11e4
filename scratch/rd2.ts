import { jobStatements } from '@flinkts/pipelines';
import { statementTexts } from '../packages/core/src/testing/flink-engine.ts';
import realtimeDw from '../examples/realtime-dw/flinkts.config.ts';
const st = jobStatements(realtimeDw, 'dev', process.argv[2] ?? 'rt-dw-ods-processing');
const texts = statementTexts({ kind: 'Script', statements: st.map((s: any) => ('toStatement' in s ? s.toStatement() : s)) } as never);
console.log(texts.filter((t) => /^INSERT/.test(t)).join('\n----\n'));

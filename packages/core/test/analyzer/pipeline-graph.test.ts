/** Cross-job checks on the table graph: layers, cycles, several writers, one definition per table. */
import { describe, expect, test } from 'vitest';
import { parseStatement } from '../../src/index.js';
import { checkPipelineGraph, LAYER_INPUTS } from '../../src/internal/index.js';
import type { CreateTable, GraphJob, GraphTable, Layer } from '../../src/index.js';

const ddl = (name: string, extra = ''): CreateTable => parseStatement(`CREATE TABLE ${name} (id INT${extra}) WITH ('connector' = 'blackhole')`).statement as CreateTable;
const tables = new Map<string, GraphTable>();
const tbl = (name: string, layer?: Layer): GraphTable => {
  const key = `${name}/${layer ?? ''}`;
  if (!tables.has(key)) tables.set(key, { name, ...(layer === undefined ? {} : { layer }), declaration: ddl(name) });
  return tables.get(key)!;
};
const write = (job: string, target: GraphTable, ...reads: GraphTable[]): GraphJob => ({ name: job, writes: [{ path: `jobs.${job}.statements[0]`, target, reads }] });
const codes = (jobs: GraphJob[]) => checkPipelineGraph(jobs).map((d) => `${d.severity} ${d.code} ${d.path}`);

describe('layers', () => {
  test('the allowed inputs of each layer', () => {
    expect(LAYER_INPUTS).toEqual({ ods: ['source'], dim: ['source', 'ods', 'dim'], dwd: ['ods', 'dim', 'dwd'], dws: ['dwd', 'dim', 'dws'], ads: ['dws', 'dwd'] });
  });

  test('a clean warehouse: source → ods → dwd (+dim) → dws → ads', () => {
    expect(codes([
      write('ingest', tbl('ods_o', 'ods'), tbl('src_o')),
      write('dim', tbl('dim_p', 'dim'), tbl('ods_o', 'ods')),
      write('detail', tbl('dwd_o', 'dwd'), tbl('ods_o', 'ods'), tbl('dim_p', 'dim')),
      write('agg', tbl('dws_o', 'dws'), tbl('dwd_o', 'dwd')),
      write('publish', tbl('ads_o', 'ads'), tbl('dws_o', 'dws')),
    ])).toEqual([]);
  });

  test.each([
    ['ods', 'ods_x', 'ods', 'ods table reads another ods table'],
    ['dwd', 'src', undefined, 'dwd reads a source directly'],
    ['dws', 'ods_x', 'ods', 'dws skips dwd'],
    ['ads', 'dim_x', 'dim', 'ads reads a dimension'],
    ['ads', 'ods_x', 'ods', 'ads reads ods'],
  ] as const)('%s from %s (%s) is an error: %s', (layer, input, inputLayer, _why) => {
    const d = checkPipelineGraph([write('j', tbl(`${layer}_t`, layer), tbl(input, inputLayer))]);
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([['FTS6001', 'error', 'jobs.j.statements[0]']]);
    expect(d[0]!.message).toContain(`a ${layer} table reads only from ${LAYER_INPUTS[layer].join(', ')}`);
  });

  test('tables without a layer are not checked as targets', () => {
    expect(codes([write('j', tbl('sink'), tbl('ods_x', 'ods'))])).toEqual([]);
  });
});

describe('the graph', () => {
  test('a cycle across jobs is an error naming the cycle and the job closing it', () => {
    const d = checkPipelineGraph([write('a', tbl('t2', 'dwd'), tbl('t1', 'dwd')), write('b', tbl('t1', 'dwd'), tbl('t2', 'dwd'))]);
    expect(d.map((x) => [x.code, x.message])).toEqual([['FTS6002', "the tables form a cycle: t1 → t2 → t1 (closed by job 'b')"]]);
  });

  test('an INSERT reading its own target is a cycle', () => {
    expect(codes([write('a', tbl('t1', 'dwd'), tbl('t1', 'dwd'))])).toEqual(['error FTS6002 jobs.a.statements[0]']);
  });

  test('a table written by two jobs is flagged once', () => {
    expect(codes([write('a', tbl('ods_o', 'ods'), tbl('s1')), write('b', tbl('ods_o', 'ods'), tbl('s2'))])).toEqual(['warning FTS6003 jobs.b.statements[0]']);
  });

  test('one definition: two jobs declaring one table differently', () => {
    const a: GraphTable = { name: 'ods_o', layer: 'ods', declaration: ddl('ods_o') };
    const b: GraphTable = { name: 'ods_o', layer: 'ods', declaration: ddl('ods_o', ', extra STRING') };
    const same: GraphTable = { name: 'ods_o', layer: 'ods', declaration: ddl('ods_o') };
    expect(codes([write('a', a, tbl('s')), write('b', tbl('dwd_o', 'dwd'), same)]).filter((c) => c.includes('FTS6004'))).toEqual([]);
    const d = checkPipelineGraph([write('a', a, tbl('s')), write('b', tbl('dwd_x', 'dwd'), b)]);
    expect(d.map((x) => [x.code, x.message])).toEqual([['FTS6004', "job 'b' declares 'ods_o' differently from job 'a'"]]);
  });
});

/**
 * Seed 001's error rate on the local runtime: the `wrongbook-monitor` job, exactly as the pipeline compiles it,
 * over events with known defects (1-minute event-time windows on the events' own time).
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { resolveCapabilities } from '@flinkts/connectors';
import { jobStatements } from '@flinkts/pipelines/internal';
import wrongbook from '../flinkts.config.js';

const T0 = Date.UTC(2024, 4, 1, 2, 0, 10);
const event = (id: string | null, o: Partial<{ type: string | null; timestamp: bigint; payload: string | null }> = {}) => ({
  eventId: id, domain: 'wrongbook', type: o.type === undefined ? 'wrongbook_add' : o.type, timestamp: o.timestamp ?? BigInt(T0), payload: o.payload === undefined ? '{"userId":"u1"}' : o.payload,
});

describe('wrongbook-monitor', () => {
  it('scores completeness, accuracy and consistency of the events; the failed ratios feed the error-rate alert', () => {
    const r = runJob(jobStatements(wrongbook, 'prod', 'wrongbook-monitor'), {
      inputs: {
        wrongbook_events_quality_source: [
          event('e1'), event('e2'), event('e3', { type: null }), event('e4', { payload: null }), event('e1'), // a repeated id
          event('e5', { timestamp: 1_500_000_000_000n }), // 2017: breaks the time rule, and is late for the window
          event('e6'), event('e7'), event('e8'), event('e9'), event('e10'),
        ],
      },
      config: { 'table.local-time-zone': 'UTC' },
      capabilities: resolveCapabilities,
    });
    const rows = r.rows('dwd_data_quality').filter((x) => x.window_start === '2024-05-01 02:00:00.000');
    expect(Object.fromEntries(rows.map((x) => [x.dimension, [x.total_rows, x.passed_rows, x.score]]))).toEqual({
      completeness: [10, 8, 80],
      accuracy: [10, 10, 100],
      consistency: [10, 9, 90],
      overall: [10, null, 90],
    });
  });
});

/**
 * Tier 2 in CI: a fixed sample (every 10th call) of the type-rule probe re-run on real Flink 1.20.1, which must
 * answer exactly as recorded in type-probe-1.20.1.jsonl (accepted with the same result type and value, or failed
 * at the same stage), so a Flink upgrade that changes a built-in's type rules shows here. `npm run type-probe`
 * runs every call.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { fromWire, toWire } from '../../packages/core/src/engine/flink/wire.js';
import type { WireValue } from '../../packages/core/src/engine/flink/wire.js';
import { renderResult } from '../../packages/core/src/runtime/values/render.js';
import { printDataType } from '../../packages/core/src/sql/printer/data-type.js';
import { fixtureValue } from '../../packages/core/src/testing/oracle/fixture-values.js';
import { parseTypeText } from '../../packages/core/src/testing/oracle/type-text.js';
import type { ProbeAnswer } from '../../packages/core/src/testing/oracle/type-probe.js';
import { PROBE_COLUMNS } from '../../packages/core/src/testing/oracle/type-probe.js';

const file = fileURLToPath(new URL('../../packages/core/test/fixtures/flink-semantics/type-probe-1.20.1.jsonl', import.meta.url));
const recorded = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ProbeAnswer);

/** An answer as the fixture records it, without the error's message (its wording may change, its stage may not). */
const shape = (a: Pick<ProbeAnswer, 'type' | 'value' | 'error' | 'nondeterministic'>): string =>
  JSON.stringify([a.error === undefined ? null : a.error.stage, a.type ?? null, a.nondeterministic ? null : (a.value ?? null)]);

describe('tier 2: the type-rule probe on real Flink 1.20.1', () => {
  test('every 10th probe call is answered as recorded', async () => {
    const sample = recorded.filter((_, i) => i % 10 === 0);
    const columns = PROBE_COLUMNS.map((c) => ({ name: c.name, type: printDataType(parseTypeText(c.type as string)) }));
    const row = PROBE_COLUMNS.map((c) => {
      const t = parseTypeText(c.type as string);
      return toWire(fixtureValue(c.value, t, 'UTC'), t);
    });
    const res = await FlinkBridgeClient.connect().evaluate({ groups: [{ config: {}, columns, row, cases: sample.map((a) => ({ id: a.id, sql: a.sql })) }] });
    const byId = new Map(res.results.map((r) => [r.id, r]));
    const wrong = sample.flatMap((a) => {
      const r = byId.get(a.id);
      if (r === undefined) return [`${a.id}: no answer`];
      const t = r.error === undefined ? parseTypeText(r.type as string) : undefined;
      const now = { ...(r.type !== undefined ? { type: r.type } : {}), ...(t !== undefined ? { value: renderResult(fromWire((r.value ?? null) as WireValue, t), t, 'UTC') } : {}), ...(r.error !== undefined ? { error: { stage: r.error.stage, message: r.error.message } } : {}), ...(a.nondeterministic ? { nondeterministic: true as const } : {}) };
      return shape(now) === shape(a) ? [] : [`${a.id} ${a.sql}: recorded ${shape(a)} / now ${shape(now)}`];
    });
    expect(wrong).toEqual([]);
  }, 600_000);
});

/**
 * `table.exec.mini-batch.enabled`: Flink buffers a bundle of rows per operator and folds each key's updates into
 * one change when the bundle flushes; with it, group aggregations run in two phases (a local aggregation whose
 * flushed accumulators fill the global one's bundles). What Flink prints depends on where bundles end — by count
 * (`table.exec.mini-batch.size`) but also whenever the `allow-latency` timer fires, which is wall-clock timing —
 * and on the order of keys within a bundle (the hash order of Flink's binary keys). So the changelog is not
 * determined by the input and is not reproduced. The final table is (every bundle folds to the same state), as
 * long as no watermark is involved: with a rowtime attribute Flink also holds watermarks back to bundle
 * boundaries, which moves which rows are late.
 */
import type { Script } from '../ast/statement.js';
import { unsupported } from './errors.js';

export const MINI_BATCH = 'table.exec.mini-batch.enabled';

/** Refuses mini-batch where its output is not determined by the input (see above). */
export function checkMiniBatch(script: Script, options: ReadonlyMap<string, string>, keepChangelog: boolean): void {
  if (!/^true$/i.test(options.get(MINI_BATCH) ?? '')) return;
  if (keepChangelog) {
    throw unsupported(`'${MINI_BATCH}' = 'true' with the changelog kept: Flink's changelog depends on where bundles end (by 'table.exec.mini-batch.size' and by the 'allow-latency' timer, which is wall-clock timing) and on the hash order of keys in a bundle; run with keepChangelog: false to assert on final tables, or disable mini-batch`);
  }
  const timed = script.statements.find((s) => s.kind === 'CreateTable' && (s.watermark !== undefined || s.like !== undefined));
  if (timed) {
    throw unsupported(`'${MINI_BATCH}' = 'true' with a WATERMARK (or a table declared LIKE another): Flink holds watermarks back to mini-batch boundaries, which changes which rows are late; disable mini-batch in this test`, timed.span);
  }
}

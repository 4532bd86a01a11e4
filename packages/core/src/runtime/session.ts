/** Building a runtime `Session` from session options (`table.local-time-zone`, …) and a clock. */
import type { Session } from './compiled.js';
import { badInput } from './errors.js';
import { ProcessingClock } from './processing-time.js';
import { isKnownZone, Timestamp } from './values/temporal.js';

export interface SessionOptions {
  /** Session configuration as `SET` would give it, e.g. `{ 'table.local-time-zone': 'Asia/Shanghai' }`. */
  readonly config?: Readonly<Record<string, string>>;
  /**
   * The processing-time clock's reading (epoch milliseconds) until a `{ processingTime }` input entry advances it.
   * Defaults to a fixed 1970-01-01T00:00:00Z for determinism.
   */
  readonly now?: () => number;
}

export function createSession(opts: SessionOptions = {}): Session {
  const options = new Map(Object.entries(opts.config ?? {}));
  const zone = options.get('table.local-time-zone') ?? 'UTC';
  if (zone !== 'default' && !isKnownZone(zone)) {
    throw badInput({ kind: 'option', option: "'table.local-time-zone'", problem: `names an unknown time zone '${zone}'`, hint: "use an IANA zone id such as 'UTC' or 'Asia/Shanghai'" });
  }
  const clock = new ProcessingClock(opts.now ?? (() => 0));
  return { zone: zone === 'default' ? 'UTC' : zone, now: () => new Timestamp(clock.now()), options, processingTime: clock };
}

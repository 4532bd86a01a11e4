/**
 * The time stamped on OpenLineage events: now, or SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
 * convention) when it is set, so a build's output can be made byte-for-byte repeatable.
 */
export function eventTimeNow(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return (epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString();
}

/**
 * The deployment record a platform keeps beside the job, where its API has room for one: the artifact hash, the
 * version number, when flinkts started it and the savepoint it restored from. StreamPark keeps it in the
 * application's description, VVP in the deployment's labels (hash, version) and annotations (time, savepoint:
 * label values are names, annotations free text), Alibaba in the deployment's labels. The local record
 * (records.ts) keeps the same and more; the platform's copy is what a colleague without that file sees, and what
 * `running()` reads back.
 */

/** What a platform holds of a deployed version. */
export interface PlatformRecord {
  /** The first 12 hex digits of the artifact hash. */
  readonly hash: string;
  readonly version?: number;
  /** ISO-8601 UTC, when flinkts started this version. */
  readonly deployedAt?: string;
  /** The savepoint the version was started from. */
  readonly restoredFrom?: string;
}

/** What deploy tells a target to record when it starts a version. */
export interface RecordFacts {
  readonly version: number;
  readonly deployedAt: string;
}

export const recordOf = (hash: string, facts: RecordFacts | undefined, restoredFrom: string | undefined): PlatformRecord =>
  ({ hash: hash.slice(0, 12), ...(facts === undefined ? {} : { version: facts.version, deployedAt: facts.deployedAt }), ...(restoredFrom === undefined ? {} : { restoredFrom }) });

/** The record as the tail of a description: `[flinkts <hash> v<version> <time> from <savepoint>]`. */
export function recordText(r: PlatformRecord): string {
  const parts = [r.hash, ...(r.version === undefined ? [] : [`v${r.version}`]), ...(r.deployedAt === undefined ? [] : [r.deployedAt]), ...(r.restoredFrom === undefined ? [] : [`from ${r.restoredFrom}`])];
  return `[flinkts ${parts.join(' ')}]`;
}

/**
 * The longest description StreamPark 2.1 keeps: `t_flink_app.description` is `varchar(255)` in utf8mb4 (MySQL
 * counts characters); the create / update requests do not check its length, and MySQL in strict mode (its default
 * since 5.7) refuses a longer value, which StreamPark answers with HTTP 500 (`Data too long for column
 * 'description'`).
 */
export const STREAMPARK_DESCRIPTION_MAX = 255;

/** What `describeWithin` had to leave out of the platform's copy (the local record keeps everything). */
export type RecordCut = { readonly kind: 'description'; readonly kept: number; readonly of: number } | { readonly kind: 'savepoint'; readonly savepoint: string };

/** Characters as MySQL counts them in utf8mb4 (code points, not UTF-16 units). */
export const characters = (s: string): number => [...s].length;

/**
 * A description of at most `max` characters ending with the record: the user's own text is shortened first (cut,
 * ending in `…`), and when the record alone is too long its savepoint is left out of it.
 */
export function describeWithin(own: string, record: PlatformRecord, max: number): { readonly text: string; readonly cuts: readonly RecordCut[] } {
  const base = own.replace(RECORD_TEXT, '').trim();
  const cuts: RecordCut[] = [];
  let tail = recordText(record);
  if (characters(tail) > max && record.restoredFrom !== undefined) {
    cuts.push({ kind: 'savepoint', savepoint: record.restoredFrom });
    const { restoredFrom: _dropped, ...rest } = record;
    tail = recordText(rest);
  }
  if (base === '') return { text: tail, cuts };
  if (characters(base) + 1 + characters(tail) <= max) return { text: `${base} ${tail}`, cuts };
  const room = max - characters(tail) - 2;
  cuts.push({ kind: 'description', kept: Math.max(room, 0), of: characters(base) });
  return { text: room <= 0 ? tail : `${[...base].slice(0, room).join('')}… ${tail}`, cuts };
}

/** Matches the record at the end of a description (and the hash-only form earlier releases wrote). */
export const RECORD_TEXT = /\s*\[flinkts ([0-9a-f]{12})(?: v(\d+))?(?: (\d{4}-\d\d-\d\dT[0-9:.]+Z))?(?: from (.+))?\]$/;

export function parseRecordText(text: string | undefined): PlatformRecord | undefined {
  const m = RECORD_TEXT.exec(text ?? '');
  if (m === null) return undefined;
  return { hash: m[1]!, ...(m[2] === undefined ? {} : { version: Number(m[2]) }), ...(m[3] === undefined ? {} : { deployedAt: m[3] }), ...(m[4] === undefined ? {} : { restoredFrom: m[4] }) };
}

/** The record as labels / annotations under a prefix (`flinkts/`, `flinkts-`): what each map holds. */
export function recordLabels(r: PlatformRecord, prefix: string): { readonly labels: Record<string, string>; readonly annotations: Record<string, string> } {
  return {
    labels: { [`${prefix}hash`]: r.hash, ...(r.version === undefined ? {} : { [`${prefix}version`]: String(r.version) }) },
    annotations: { ...(r.deployedAt === undefined ? {} : { [`${prefix}deployed-at`]: r.deployedAt }), ...(r.restoredFrom === undefined ? {} : { [`${prefix}restored-from`]: r.restoredFrom }) },
  };
}

export function parseRecordLabels(labels: Readonly<Record<string, string>> | undefined, annotations: Readonly<Record<string, string>> | undefined, prefix: string): PlatformRecord | undefined {
  const hash = labels?.[`${prefix}hash`];
  if (hash === undefined) return undefined;
  const version = labels?.[`${prefix}version`];
  const deployedAt = annotations?.[`${prefix}deployed-at`];
  // an empty value clears what an earlier start recorded (a merge PATCH keeps absent keys)
  const restoredFrom = annotations?.[`${prefix}restored-from`] || undefined;
  return { hash, ...(version === undefined ? {} : { version: Number(version) }), ...(deployedAt === undefined ? {} : { deployedAt }), ...(restoredFrom === undefined ? {} : { restoredFrom }) };
}

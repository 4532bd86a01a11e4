/**
 * Which connector release runs on which Flink, and the Maven coordinates each ships as. A pipeline knows its Flink
 * version (default 1.20.1) and may pin a connector release; `resolveArtifacts` turns the jars the connectors ask
 * for into the coordinates of the release built for that Flink minor, and reports a pinned release that has no
 * build for it, naming the nearest releases that do.
 *
 * Facts (each coordinate below is resolved from Maven Central by test/coordinates.test.ts):
 * - Kafka connector: 3.2.0 for 1.18 / 1.19, 3.3.0 for 1.19 / 1.20, 3.4.0 for 1.20. The shaded SQL jar
 *   `flink-sql-connector-kafka` (Kafka classes relocated under `org.apache.flink.kafka.shaded.`) is on Maven
 *   Central only as 3.2.0-1.19 among these; for the others the job ships `flink-connector-kafka` plus
 *   `kafka-clients` 3.4.0 (the version the connector is built against), whose classes are not relocated.
 * - JDBC connector: 3.2.0 for 1.18 / 1.19; 3.3.0 for 1.20 (it bundles the dialect modules). Drivers come apart.
 * - MySQL CDC (Flink CDC, groupId org.apache.flink from 3.1.0): 3.1.x for 1.16–1.19, 3.2.x for 1.17–1.20,
 *   3.3.0 for 1.19–1.20.
 * - Paimon `paimon-flink-<minor>`: 0.8.x has modules up to 1.19; `paimon-flink-1.20` exists from 0.9.0.
 * - StarRocks `flink-connector-starrocks:<v>_flink-<minor>`: 1.2.9 up to 1.18, 1.2.10 up to 1.19, 1.2.11 adds 1.20
 *   (there is no 1.2.10_flink-1.20).
 * - Jars released with Flink itself (Hive SQL connector, SQL format bundles) follow the Flink version.
 */
import type { MavenArtifact } from '@flinkts/core';

/** Connector families whose release is chosen per Flink minor (and may be pinned by a pipeline). */
export type ConnectorPiece = 'kafka' | 'jdbc' | 'mysql-cdc' | 'paimon' | 'starrocks';
export const CONNECTOR_PIECES: readonly ConnectorPiece[] = ['kafka', 'jdbc', 'mysql-cdc', 'paimon', 'starrocks'];

/** Releases a pipeline pins, by piece: `{ paimon: '0.9.0', 'mysql-cdc': '3.2.1' }`. */
export type ConnectorVersions = { readonly [P in ConnectorPiece]?: string };

/** The Flink version a pipeline runs on when it names none. */
export const DEFAULT_FLINK_VERSION = '1.20.1';
/** Flink minors the compatibility table covers. */
export const FLINK_MINORS = ['1.18', '1.19', '1.20'] as const;
export type FlinkMinor = (typeof FLINK_MINORS)[number];

interface Release {
  readonly version: string;
  /** Flink minors this release has a build for (within FLINK_MINORS). */
  readonly flink: readonly FlinkMinor[];
}

interface PieceSpec {
  /** Oldest first. */
  readonly releases: readonly Release[];
  /** The release used for a Flink minor when the pipeline pins none. */
  readonly defaults: Readonly<Record<FlinkMinor, string>>;
  readonly coordinates: (version: string, minor: FlinkMinor) => MavenArtifact[];
  /** Whether an artifact a connector asks for belongs to this piece. */
  readonly owns: (a: MavenArtifact) => boolean;
}

const artifact = (groupId: string, artifactId: string, version: string): MavenArtifact => Object.freeze({ groupId, artifactId, version });

/** Kafka's client library the 3.2–3.4 connectors are built against (their parent POM's kafka.version). */
export const KAFKA_CLIENTS_VERSION = '3.4.0';
/** The prefix the shaded SQL jar relocates Kafka's classes under. */
export const KAFKA_RELOCATION_PREFIX = 'org.apache.flink.kafka.shaded.';

/** Whether the Kafka jar for this release and minor is the shaded SQL jar (published on Maven Central). */
export const kafkaShaded = (version: string, minor: FlinkMinor): boolean => version === '3.2.0' && minor === '1.19';

export const COMPATIBILITY: Readonly<Record<ConnectorPiece, PieceSpec>> = {
  kafka: {
    releases: [
      { version: '3.2.0', flink: ['1.18', '1.19'] },
      { version: '3.3.0', flink: ['1.19', '1.20'] },
      { version: '3.4.0', flink: ['1.20'] },
    ],
    defaults: { '1.18': '3.2.0', '1.19': '3.2.0', '1.20': '3.3.0' },
    coordinates: (v, m) =>
      kafkaShaded(v, m)
        ? [artifact('org.apache.flink', 'flink-sql-connector-kafka', `${v}-${m}`)]
        : [artifact('org.apache.flink', 'flink-connector-kafka', `${v}-${m}`), artifact('org.apache.kafka', 'kafka-clients', KAFKA_CLIENTS_VERSION)],
    owns: (a) => a.groupId === 'org.apache.flink' && (a.artifactId === 'flink-sql-connector-kafka' || a.artifactId === 'flink-connector-kafka'),
  },
  jdbc: {
    releases: [
      { version: '3.2.0', flink: ['1.18', '1.19'] },
      { version: '3.3.0', flink: ['1.20'] },
    ],
    defaults: { '1.18': '3.2.0', '1.19': '3.2.0', '1.20': '3.3.0' },
    coordinates: (v, m) => [artifact('org.apache.flink', 'flink-connector-jdbc', `${v}-${m}`)],
    owns: (a) => a.groupId === 'org.apache.flink' && a.artifactId === 'flink-connector-jdbc',
  },
  'mysql-cdc': {
    releases: [
      { version: '3.1.0', flink: ['1.18', '1.19'] },
      { version: '3.1.1', flink: ['1.18', '1.19'] },
      { version: '3.2.0', flink: ['1.18', '1.19', '1.20'] },
      { version: '3.2.1', flink: ['1.18', '1.19', '1.20'] },
      { version: '3.3.0', flink: ['1.19', '1.20'] },
    ],
    defaults: { '1.18': '3.1.1', '1.19': '3.1.1', '1.20': '3.2.1' },
    coordinates: (v) => [artifact('org.apache.flink', 'flink-sql-connector-mysql-cdc', v)],
    owns: (a) => a.artifactId === 'flink-sql-connector-mysql-cdc',
  },
  paimon: {
    releases: [
      { version: '0.8.2', flink: ['1.18', '1.19'] },
      { version: '0.9.0', flink: ['1.19', '1.20'] },
      { version: '1.0.1', flink: ['1.19', '1.20'] },
    ],
    defaults: { '1.18': '0.8.2', '1.19': '0.9.0', '1.20': '0.9.0' },
    coordinates: (v, m) => [artifact('org.apache.paimon', `paimon-flink-${m}`, v)],
    owns: (a) => a.groupId === 'org.apache.paimon' && /^paimon-flink-\d+\.\d+$/.test(a.artifactId),
  },
  starrocks: {
    releases: [
      { version: '1.2.9', flink: ['1.18'] },
      { version: '1.2.10', flink: ['1.18', '1.19'] },
      { version: '1.2.11', flink: ['1.20'] },
    ],
    defaults: { '1.18': '1.2.10', '1.19': '1.2.10', '1.20': '1.2.11' },
    coordinates: (v, m) => [artifact('com.starrocks', 'flink-connector-starrocks', `${v}_flink-${m}`)],
    owns: (a) => a.groupId === 'com.starrocks' && a.artifactId === 'flink-connector-starrocks',
  },
};

/** The `x.y` minor of a Flink version, when the table covers it. */
export function flinkMinor(flinkVersion: string): FlinkMinor | undefined {
  const m = /^(\d+\.\d+)(\.\d+)?$/.exec(flinkVersion.trim());
  return m !== null && (FLINK_MINORS as readonly string[]).includes(m[1]!) ? (m[1] as FlinkMinor) : undefined;
}

/** The piece an artifact belongs to, if its release depends on the Flink minor. */
export function pieceOf(a: MavenArtifact): ConnectorPiece | undefined {
  return CONNECTOR_PIECES.find((p) => COMPATIBILITY[p].owns(a));
}

/** Jars released with Flink (`<artifact>:<flink version>`): the Hive SQL connector and the SQL format bundles. */
export function followsFlink(a: MavenArtifact): boolean {
  return a.groupId === 'org.apache.flink' && (/^flink-sql-connector-hive-/.test(a.artifactId) || /^flink-sql-(avro|avro-confluent-registry|protobuf|parquet|orc)$/.test(a.artifactId));
}

/** Releases of a piece with a build for `minor`. */
export function releasesFor(piece: ConnectorPiece, minor: FlinkMinor): string[] {
  return COMPATIBILITY[piece].releases.filter((r) => r.flink.includes(minor)).map((r) => r.version);
}

const versionParts = (v: string): number[] => v.split(/[.\-_]/).map((x) => Number(x)).map((n) => (Number.isFinite(n) ? n : 0));
const compareVersions = (a: string, b: string): number => {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** Working releases for `minor`, nearest to `version` first (the next newer ones before older ones). */
export function nearestReleases(piece: ConnectorPiece, version: string, minor: FlinkMinor): string[] {
  const working = releasesFor(piece, minor);
  const newer = working.filter((v) => compareVersions(v, version) > 0).sort(compareVersions);
  const older = working.filter((v) => compareVersions(v, version) < 0).sort((a, b) => compareVersions(b, a));
  return [...newer, ...older];
}

/**
 * Why a jar does not fit the Flink version, as a payload (the pipelines' FTS8040 words it): `piece` is what to fix,
 * the Flink version or a connector's release.
 */
export type ArtifactProblem =
  | { readonly kind: 'noTable' | 'noRelease'; readonly piece: 'flink'; readonly flinkVersion: string; readonly minors: readonly string[]; readonly defaultVersion: string }
  | { readonly kind: 'unknownRelease'; readonly piece: ConnectorPiece; readonly version: string; readonly flinkVersion: string; readonly minor: string; readonly nearest: readonly string[] }
  | { readonly kind: 'noBuild'; readonly piece: ConnectorPiece; readonly version: string; readonly flinkVersion: string; readonly minor: string; readonly builtFor: readonly string[]; readonly nearest: readonly string[] }
  | { readonly kind: 'flinkJar'; readonly piece: 'flink'; readonly id: string; readonly jarVersion: string; readonly flinkVersion: string; readonly use: string }
  | { readonly kind: 'connectorJar'; readonly piece: ConnectorPiece; readonly id: string; readonly release: string; readonly built: string | undefined; readonly minor: string; readonly use: readonly string[] };

export interface ResolvedArtifacts {
  readonly artifacts: MavenArtifact[];
  readonly problems: ArtifactProblem[];
  /** The release chosen per piece used (for reports and the Kafka login-module check). */
  readonly releases: ReadonlyMap<ConnectorPiece, string>;
}

/**
 * The coordinates for `flinkVersion` of the jars the connectors ask for: each piece's pinned release (or the
 * default for the minor), Flink's own jars at the Flink version, anything else unchanged.
 */
export function resolveArtifacts(wanted: readonly MavenArtifact[], flinkVersion: string, pinned: ConnectorVersions = {}): ResolvedArtifacts {
  const problems: ArtifactProblem[] = [];
  const minor = flinkMinor(flinkVersion);
  const releases = new Map<ConnectorPiece, string>();
  if (minor === undefined || !/^\d+\.\d+\.\d+$/.test(flinkVersion.trim())) {
    problems.push({ kind: minor === undefined ? 'noTable' : 'noRelease', piece: 'flink', flinkVersion, minors: FLINK_MINORS, defaultVersion: DEFAULT_FLINK_VERSION });
    return { artifacts: [...wanted], problems, releases };
  }
  const out = new Map<string, MavenArtifact>();
  const add = (a: MavenArtifact): void => void out.set(`${a.groupId}:${a.artifactId}:${a.version}`, a);
  for (const a of wanted) {
    const piece = pieceOf(a);
    if (piece === undefined) {
      add(followsFlink(a) ? artifact(a.groupId, a.artifactId, flinkVersion.trim()) : a);
      continue;
    }
    const version = pinned[piece] ?? COMPATIBILITY[piece].defaults[minor];
    releases.set(piece, version);
    if (!releasesFor(piece, minor).includes(version)) continue;
    for (const c of COMPATIBILITY[piece].coordinates(version, minor)) add(c);
  }
  for (const piece of CONNECTOR_PIECES) {
    const version = pinned[piece];
    if (version === undefined) continue;
    const known = COMPATIBILITY[piece].releases.find((r) => r.version === version);
    if (known !== undefined && known.flink.includes(minor)) continue;
    const nearest = nearestReleases(piece, version, minor);
    problems.push(known === undefined
      ? { kind: 'unknownRelease', piece, version, flinkVersion, minor, nearest }
      : { kind: 'noBuild', piece, version, flinkVersion, minor, builtFor: known.flink, nearest });
  }
  const artifacts = [...out.values()].sort((a, b) => `${a.groupId}:${a.artifactId}:${a.version}`.localeCompare(`${b.groupId}:${b.artifactId}:${b.version}`));
  return { artifacts, problems, releases };
}

/**
 * Why a jar a job names itself (its `dependencies`) does not fit the Flink version: a connector build for another
 * Flink minor, or a jar released with another Flink. Undefined when it fits or flinkts cannot tell.
 */
export function declaredArtifactProblem(a: MavenArtifact, flinkVersion: string): ArtifactProblem | undefined {
  const minor = flinkMinor(flinkVersion);
  if (minor === undefined) return undefined;
  const id = `${a.groupId}:${a.artifactId}:${a.version}`;
  if (followsFlink(a)) {
    return flinkMinor(a.version) === minor ? undefined : { kind: 'flinkJar', piece: 'flink', id, jarVersion: a.version, flinkVersion, use: `${a.groupId}:${a.artifactId}:${flinkVersion.trim()}` };
  }
  const piece = pieceOf(a);
  if (piece === undefined) return undefined;
  const built = /-(\d+\.\d+)$/.exec(a.version)?.[1] ?? /_flink-(\d+\.\d+)$/.exec(a.version)?.[1] ?? /^paimon-flink-(\d+\.\d+)$/.exec(a.artifactId)?.[1];
  const release = a.version.replace(/(-\d+\.\d+|_flink-\d+\.\d+)$/, '');
  const fits = built === undefined ? releasesFor(piece, minor).includes(release) : built === minor;
  if (fits) return undefined;
  const wanted = COMPATIBILITY[piece].coordinates(COMPATIBILITY[piece].defaults[minor], minor).map((c) => `${c.groupId}:${c.artifactId}:${c.version}`);
  return { kind: 'connectorJar', piece, id, release, built, minor, use: wanted };
}

/** Every coordinate the emitters can write for `flinkVersions` (the coordinate test resolves each). */
export function everyCoordinate(flinkVersions: readonly string[], extra: readonly MavenArtifact[]): MavenArtifact[] {
  const all = new Map<string, MavenArtifact>();
  const add = (a: MavenArtifact): void => void all.set(`${a.groupId}:${a.artifactId}:${a.version}`, a);
  for (const piece of CONNECTOR_PIECES) {
    for (const r of COMPATIBILITY[piece].releases) for (const m of r.flink) for (const c of COMPATIBILITY[piece].coordinates(r.version, m)) add(c);
  }
  for (const v of flinkVersions) for (const a of extra) add(followsFlink(a) ? artifact(a.groupId, a.artifactId, v) : a);
  return [...all.values()].sort((a, b) => `${a.groupId}:${a.artifactId}:${a.version}`.localeCompare(`${b.groupId}:${b.artifactId}:${b.version}`));
}

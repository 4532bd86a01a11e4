/** The JSON the bridge speaks (flink/src/main/java/dev/flinkts/bridge): requests and responses, typed. */
import type { WireValue } from './wire.js';

export interface BridgeInfo {
  readonly port: number;
  readonly pid: number;
  /** The MiniCluster's REST endpoint. */
  readonly clusterUrl: string;
  /** The SQL Gateway REST endpoint beside it (null when started without one). */
  readonly gatewayUrl: string | null;
  readonly startupMillis: number;
}

export interface BridgeStatus extends Omit<BridgeInfo, 'port'> {
  readonly flinkVersion: string;
  readonly uptimeMillis: number;
}

export interface WireRow {
  readonly kind: '+I' | '-U' | '+U' | '-D';
  readonly values: readonly WireValue[];
}

export interface RunRequest {
  /** The job's statements, one SQL statement each (SET, CREATE …, INSERT, statement sets, a query). */
  readonly statements: readonly string[];
  readonly config?: Readonly<Record<string, string>>;
  /** Fixture rows per source table (physical columns, in order), with the changelog mode the source declares. */
  readonly sources: Readonly<Record<string, { readonly changelogMode: string; readonly rows: readonly WireRow[] }>>;
  readonly timeoutMillis?: number;
  /** Fix the processing-time clock (PROCTIME()) at this instant (epoch millis) during the run. */
  readonly processingTime?: number;
}

export interface WireSink {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Flink's `Row.toString()` of every change the sink received. */
  readonly changelog: readonly string[];
  readonly changes: readonly WireRow[];
  /** The values sink's materialized final table. */
  readonly table: readonly (readonly WireValue[])[];
  readonly tableText: readonly string[];
}

export interface RunResponse {
  readonly sinks: Readonly<Record<string, WireSink>>;
  readonly planMillis: number;
  readonly runMillis: number;
}

export interface BridgeError {
  readonly exception: string;
  readonly message: string;
  readonly causes: readonly string[];
  readonly rootMessage: string;
  /** Position relative to the statement, when the parser or validator reports one. */
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface PlanRequest {
  readonly statements: readonly string[];
  readonly config?: Readonly<Record<string, string>>;
  readonly withPlan?: boolean;
  /** The plans carry each operator's changelog mode (Flink's EXPLAIN CHANGELOG_MODE). */
  readonly changelogMode?: boolean;
}

export interface PlanResponse {
  readonly ok: boolean;
  readonly statements: number;
  readonly error?: BridgeError & { readonly index: number; readonly leadingCut: number; readonly planning?: boolean };
  readonly plans?: readonly string[];
}

/**
 * The window aggregation operator Flink's planner builds for an INSERT, run in Flink's operator test harness with
 * processing time set explicitly (WindowOperatorHarness.java).
 */
export interface WindowOperatorRequest {
  /** CREATE TABLE statements, then the INSERT. */
  readonly statements: readonly string[];
  readonly config?: Readonly<Record<string, string>>;
  /** The harness's processing time before the first entry (epoch millis). */
  readonly start: number;
  /** Rows of the operator's input, by its input field names (plain columns), and moves of processing time. */
  readonly input: readonly ({ readonly kind?: '+I' | '-U' | '+U' | '-D'; readonly row: Readonly<Record<string, string | number | null>> } | { readonly processingTime: number })[];
}

export interface WindowOperatorResponse {
  readonly operator: string;
  readonly inputFields: readonly string[];
  readonly outputFields: readonly string[];
  /** The operator's output rows, as Flink's Row.toString() prints them. */
  readonly output: readonly string[];
}

export interface EvaluateGroup {
  readonly config?: Readonly<Record<string, string>>;
  /** Input columns (Flink type syntax) and the one input row. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly row: readonly WireValue[];
  readonly cases: readonly { readonly id: string; readonly sql: string }[];
}

export interface EvaluateRequest {
  readonly groups: readonly EvaluateGroup[];
}

export interface EvaluateResult {
  readonly id: string;
  /** The result type Flink derived (when the expression validated). */
  readonly type?: string;
  readonly value?: WireValue;
  readonly error?: BridgeError & { readonly stage: 'validation' | 'runtime' | 'input' };
}

export interface EvaluateResponse {
  readonly results: readonly EvaluateResult[];
  /** Flink jobs it took. */
  readonly jobs: number;
}

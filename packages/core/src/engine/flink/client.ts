/**
 * The typed client of the bridge: `run` a job on fixtures and `plan` statements, synchronously (for the testing
 * API's `runJob`) or asynchronously. The bridge is found through its state file and started on demand.
 */
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { ensureBridge, runningBridge } from './bridge-process.js';
import type { RunningBridge, StartOptions } from './bridge-process.js';
import { textFields } from '../../diagnostics/code-table.js';
import { FLINK_TEXTS } from './codes.js';
import type { BridgeError, EvaluateRequest, EvaluateResponse, PlanRequest, PlanResponse, RunRequest, RunResponse, WindowOperatorRequest, WindowOperatorResponse } from './protocol.js';
import { httpAsync, httpSync } from './sync-http.js';
import type { SyncResponse } from './sync-http.js';

/** A Flink exception the bridge reported, carried with its report. */
export class BridgeRequestError extends Error {
  constructor(readonly report: BridgeError) {
    super(report.message);
    this.name = 'BridgeRequestError';
  }
}

function decode<T>(r: SyncResponse, b: RunningBridge): T {
  if (r.status === 0) {
    throw new FlinktsError([{ ...textFields(FLINK_TEXTS.notRunning({ pid: b.pid, url: b.url, answer: r.body, log: b.log })), severity: 'error' }]);
  }
  const body = JSON.parse(r.body) as { error?: BridgeError };
  if (r.status !== 200) throw new BridgeRequestError(body.error ?? { exception: 'unknown', message: r.body, causes: [], rootMessage: r.body });
  return body as T;
}

export class FlinkBridgeClient {
  private constructor(readonly bridge: RunningBridge) {}

  /** The running bridge, started (and built) if none runs. */
  static connect(opts: StartOptions = {}): FlinkBridgeClient {
    return new FlinkBridgeClient(ensureBridge(opts));
  }

  /** The running bridge, or undefined (never starts one). */
  static running(): FlinkBridgeClient | undefined {
    const b = runningBridge();
    return b ? new FlinkBridgeClient(b) : undefined;
  }

  runSync(req: RunRequest): RunResponse {
    return decode<RunResponse>(httpSync(`${this.bridge.url}/run`, 'POST', JSON.stringify(req)), this.bridge);
  }

  async run(req: RunRequest): Promise<RunResponse> {
    return decode<RunResponse>(await httpAsync(`${this.bridge.url}/run`, 'POST', JSON.stringify(req)), this.bridge);
  }

  async evaluate(req: EvaluateRequest): Promise<EvaluateResponse> {
    return decode<EvaluateResponse>(await httpAsync(`${this.bridge.url}/evaluate`, 'POST', JSON.stringify(req)), this.bridge);
  }

  /** Flink's window aggregation operator for an INSERT, in its operator test harness with processing time set explicitly. */
  async windowOperator(req: WindowOperatorRequest): Promise<WindowOperatorResponse> {
    return decode<WindowOperatorResponse>(await httpAsync(`${this.bridge.url}/window-operator`, 'POST', JSON.stringify(req)), this.bridge);
  }

  planSync(req: PlanRequest): PlanResponse {
    return decode<PlanResponse>(httpSync(`${this.bridge.url}/plan`, 'POST', JSON.stringify(req)), this.bridge);
  }

  async plan(req: PlanRequest): Promise<PlanResponse> {
    return decode<PlanResponse>(await httpAsync(`${this.bridge.url}/plan`, 'POST', JSON.stringify(req)), this.bridge);
  }
}

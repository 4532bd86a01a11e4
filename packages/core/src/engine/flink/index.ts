/** Real Flink 1.20.1 in the loop: the bridge JVM, its client, and what runs on it. */
export { FLINK_CODES } from './codes.js';
export { FlinkBridgeClient, BridgeRequestError } from './client.js';
export { ensureBridge, runningBridge, stopBridge, bridgeStatus } from './bridge-process.js';
export type { RunningBridge, StartOptions } from './bridge-process.js';
export { ensureBridgeBuilt, bridgeSourceDir, cacheDir } from './bridge-build.js';
export type { BuiltBridge } from './bridge-build.js';
export { findJava, findMaven, installMissingToolchain } from './toolchain.js';
export { verifyScript } from './verify.js';
export type { VerifyResult } from './verify.js';
export { splitStatements } from './split-statements.js';
export { fillPlaceholders } from './placeholders.js';
export type * from './protocol.js';
export { startLocalFlink } from './local-cluster.js';
export type { LocalFlink } from './local-cluster.js';

/**
 * Diagnostic codes of the Flink engine bridge (FTS76xx: real Flink in the loop — the local runtime's FTS7xxx
 * range, as the bridge is the other engine tests run on).
 */
import { codeTable } from '../../diagnostics/code-table.js';

export const FLINK_CODE_TABLE = codeTable({
  javaMissing: ['FTS7601', 'Java 17 or later was not found: the Flink engine runs Flink 1.20.1 in a JVM.'],
  mavenMissing: ['FTS7602', "Maven ('mvn') was not found: it resolves Flink's and the connectors' jars for the Flink engine."],
  buildFailed: ['FTS7603', 'Maven could not build the Flink bridge or resolve its jars.'],
  startFailed: ['FTS7604', 'The Flink bridge JVM did not start or did not become ready.'],
  notRunning: ['FTS7605', 'The Flink bridge is not running, or did not answer.'],
  jobFailed: ['FTS7606', 'Real Flink failed the job (an exception while running it).'],
  plannerRejected: ['FTS7607', "Real Flink's planner rejected a statement or job (parse, validation or planning error)."],
  unsupportedFixture: ['FTS7608', 'A fixture the Flink engine cannot feed to Flink (an explicit watermark entry).'],
  unreachable: ['FTS7609', 'Not verified: a connector contacts its external system while planning and it is unreachable (warning).'],
}, { usage: ['javaMissing', 'mavenMissing'] });

export const FLINK_CODES = FLINK_CODE_TABLE.codes;

/**
 * Diagnostic codes of the Flink engine bridge (FTS76xx: real Flink in the loop — the local runtime's FTS7xxx
 * range, as the bridge is the other engine tests run on), with the message and hint of each.
 */
import { codeTable, template } from '../../diagnostics/code-table.js';

/** `:\n<the last lines of a log>` when there are any. */
const tailOf = (tail: string): string => (tail ? `:\n${tail}` : '');
const JDK = 'install a JDK 17 (e.g. `apt-get install openjdk-17-jdk-headless`) and put';

export const FLINK_CODE_TABLE = codeTable({
  javaMissing: ['FTS7601', 'Java 17 or later was not found: the Flink engine runs Flink 1.20.1 in a JVM.', template(
    (p: { readonly kind: 'notFound' } | { readonly kind: 'tooOld'; readonly java: string; readonly major: number }) =>
      p.kind === 'notFound' ? 'Java was not found: the Flink engine runs Flink 1.20.1 in a JVM'
        : `Java ${p.major || '(unknown version)'} was found at '${p.java}', but the Flink engine needs Java 17 or later`,
    (p) => (p.kind === 'notFound' ? `${JDK} \`java\` on the PATH, or set JAVA_HOME` : `${JDK} it first on the PATH or in JAVA_HOME`),
  )],
  mavenMissing: ['FTS7602', "Maven ('mvn') was not found: it resolves Flink's and the connectors' jars for the Flink engine.", template(
    (_: Readonly<Record<string, never>>) => "Maven ('mvn') was not found: it resolves Flink 1.20.1 and the connectors' jars for the Flink engine",
    () => 'install Maven 3.8+ (e.g. `apt-get install maven`) and put `mvn` on the PATH',
  )],
  buildFailed: ['FTS7603', 'Maven could not build the Flink bridge or resolve its jars.', template(
    (p: { readonly kind: 'noModule'; readonly src: string; readonly packagedDir: string } | { readonly kind: 'maven'; readonly tail: string; readonly logFile: string }) =>
      p.kind === 'noModule' ? `The bridge's Maven module was not found at ${p.src}` : `Maven could not build the Flink bridge${tailOf(p.tail)}`,
    (p) =>
      p.kind === 'noModule' ? `@flinkts/core ships it in dist/${p.packagedDir}/: reinstall the package, or set FLINKTS_BRIDGE_SOURCE to a flinkts checkout's flink/ directory`
        : `is Maven Central reachable? The full log is ${p.logFile}`,
  )],
  startFailed: ['FTS7604', 'The Flink bridge JVM did not start or did not become ready.', template(
    (p: { readonly kind: 'lock'; readonly lockFile: string } | { readonly kind: 'bridge'; readonly tail: string; readonly log: string } | { readonly kind: 'localFlink'; readonly tail: string }) =>
      p.kind === 'lock' ? `Timed out waiting for the lock ${p.lockFile}` : `The ${p.kind === 'bridge' ? 'Flink bridge' : 'local Flink'} did not start${tailOf(p.tail)}`,
    (p) => (p.kind === 'bridge' ? `see ${p.log}` : undefined),
  )],
  notRunning: ['FTS7605', 'The Flink bridge is not running, or did not answer.', template(
    (p: { readonly pid: number; readonly url?: string; readonly answer: string; readonly log?: string }) => `The Flink bridge (pid ${p.pid}${p.url === undefined ? '' : `, ${p.url}`}) did not answer: ${p.answer}`,
    (p) => (p.log === undefined ? undefined : `see ${p.log}; \`npx flinkts flink stop\` then retry`),
  )],
  jobFailed: ['FTS7606', 'Real Flink failed the job (an exception while running it).', template(
    (p: { readonly message: string; readonly cause: string | undefined }) => `Flink failed the job: ${p.message}${p.cause === undefined ? '' : `\n  caused by: ${p.cause}`}`,
    () => 'Flink would fail this job in production on these rows',
  )],
  plannerRejected: ['FTS7607', "Real Flink's planner rejected a statement or job (parse, validation or planning error).", template(
    (p: { readonly kind: 'statement' | 'job'; readonly message: string; readonly detail: string } | { readonly kind: 'bridge'; readonly message: string } | { readonly kind: 'testJob'; readonly message: string; readonly cause: string | undefined }) =>
      p.kind === 'bridge' ? `The Flink bridge could not plan the script: ${p.message}`
        : p.kind === 'testJob' ? `Flink's planner rejected the job: ${p.message}${p.cause === undefined ? '' : `\n  caused by: ${p.cause}`}`
          : `Flink 1.20.1's planner rejects this ${p.kind}: ${p.message}${p.detail}`,
    (p) =>
      p.kind === 'bridge' ? undefined
        : p.kind === 'testJob' ? 'the local engine may accept what Flink rejects; fix the job (or report the disagreement)'
          : 'this is the real planner (with the connector factories the jobs will run with); fix the statement',
  )],
  unsupportedFixture: ['FTS7608', 'A fixture the Flink engine cannot feed to Flink (an explicit watermark entry).', template(
    (p: { readonly kind: 'watermark' | 'processingTime' }) =>
      p.kind === 'watermark' ? 'An explicit watermark entry cannot be fed to real Flink: its sources emit watermarks from the WATERMARK clause, after every row'
        : 'A processing-time entry cannot be fed to real Flink: the bridge fixes its processing-time clock at now() for the whole run',
    (p) => (p.kind === 'watermark' ? 'drop the entry (watermarks follow the rows) or run this test on the local engine' : 'run this test on the local engine, whose processing-time clock the entries advance'),
  )],
  unreachable: ['FTS7609', 'Not verified: a connector contacts its external system while planning and it is unreachable (warning).', template(
    (p: { readonly message: string; readonly detail: string }) => `not verified: a connector contacts its external system while the job is planned, and it is not reachable from here: ${p.message}${p.detail}`,
    () => 'run flinkts verify where the system is reachable to have the planner check this job to the end',
  )],
}, { usage: ['javaMissing', 'mavenMissing'] });

export const FLINK_CODES = FLINK_CODE_TABLE.codes;
export const FLINK_TEXTS = FLINK_CODE_TABLE.texts;

/**
 * `flinkts flink build | start | stop | status`: the Flink engine bridge — one JVM running a Flink 1.20.1
 * MiniCluster and a SQL Gateway on 127.0.0.1, used by `engine: 'flink'` tests and `flinkts verify`.
 */
import { formatDiagnostic, FlinktsError } from '@flinkts/core';
import { bridgeStatus, ensureBridge, ensureBridgeBuilt, installMissingToolchain, runningBridge, stopBridge } from '@flinkts/core/flink';

import { parseArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

const HELP = `Usage: flinkts flink <build|start|stop|status> [options]

The Flink engine bridge: real Flink 1.20.1 (a MiniCluster and a SQL Gateway REST endpoint in one JVM, on
127.0.0.1 only), used by runJob(…, { engine: 'flink' }) / FLINKTS_ENGINE=flink and by flinkts verify.
Needs Java 17+ and Maven; Flink's and the connectors' jars are resolved into ~/.m2 and the bridge is built into
~/.cache/flinkts (or $FLINKTS_CACHE). Tests start it on demand and stop it at the end of the run.

  build    resolve the jars and build the bridge (minutes the first time)
  start    start the bridge (building it first if needed) and print its endpoints
  stop     stop the running bridge (by its pid)
  status   print the running bridge's endpoints and Flink version (exit 1 when none runs)

Options:
  --install-missing  (build) install a JDK 17 and Maven with apt-get when missing (root on Debian/Ubuntu; CI)
  --idle-exit <s>    (start) stop by itself after <s> idle seconds (default: never)
  --json             print JSON
`;

export const command: Command = {
  name: 'flink',
  summary: COMMAND_SUMMARIES.flink,
  help: HELP,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['json', 'install-missing'], values: ['idle-exit'] });
    const [action, ...extra] = parsed.positionals;
    if (parsed.problems.length > 0 || action === undefined || extra.length > 0 || !['build', 'start', 'stop', 'status'].includes(action)) {
      io.stderr(`flinkts flink: ${parsed.problems[0] ?? (action === undefined ? 'no action given' : `unknown action '${[action, ...extra].join(' ')}'`)}\n\n${HELP}`);
      return 2;
    }
    const json = parsed.flags.has('json');
    const log = (line: string) => io.stderr(`${line}\n`);
    try {
      switch (action) {
        case 'build': {
          if (parsed.flags.has('install-missing')) installMissingToolchain(log);
          const started = Date.now();
          const built = ensureBridgeBuilt(log);
          if (json) io.stdout(`${JSON.stringify({ dir: built.dir, millis: Date.now() - started })}\n`);
          else io.stdout(`Flink bridge built in ${built.dir}\n`);
          return 0;
        }
        case 'start': {
          const idle = parsed.values.get('idle-exit');
          if (idle !== undefined && !/^\d+$/.test(idle)) {
            io.stderr('flinkts flink: --idle-exit needs a number of seconds\n');
            return 2;
          }
          const b = ensureBridge({ log, idleExitSeconds: idle === undefined ? 0 : Number(idle) });
          if (json) io.stdout(`${JSON.stringify(b)}\n`);
          else io.stdout(`Flink bridge running: pid ${b.pid}, API ${b.url}, Flink REST ${b.clusterUrl}, SQL Gateway ${b.gatewayUrl ?? '(none)'} (log ${b.log})\n`);
          return 0;
        }
        case 'stop': {
          const stopped = stopBridge();
          io.stdout(stopped ? 'Flink bridge stopped\n' : 'no Flink bridge was running\n');
          return 0;
        }
        default: {
          const b = runningBridge();
          if (b === undefined) {
            if (json) io.stdout(`${JSON.stringify({ running: false })}\n`);
            else io.stdout('no Flink bridge is running (start one with: npx flinkts flink start)\n');
            return 1;
          }
          const s = bridgeStatus(b);
          if (json) io.stdout(`${JSON.stringify({ running: true, ...b, ...s })}\n`);
          else io.stdout(`Flink ${s.flinkVersion} bridge: pid ${b.pid}, API ${b.url}, Flink REST ${s.clusterUrl}, SQL Gateway ${s.gatewayUrl ?? '(none)'}, up ${Math.round(s.uptimeMillis / 1000)} s (started in ${s.startupMillis} ms)\n`);
          return 0;
        }
      }
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      const { exitForErrors } = await import('../exit-class.js');
      return exitForErrors(e.diagnostics);
    }
  },
};

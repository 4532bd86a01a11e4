/**
 * A real MariaDB server for the introspection tests: Debian's `mariadb-server` (installed by
 * scripts/install-mariadb.sh when missing), a throw-away data directory made by mariadb-install-db, the server on
 * 127.0.0.1 on a free port, stopped by its pid and its data directory removed afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MariaDb {
  readonly port: number;
  /** Runs SQL as root over the server's socket (throws with the client's output when it fails). */
  sql(statements: string, database?: string): string;
  stop(): Promise<void>;
}

const binary = (name: string, fallbacks: readonly string[]): string => fallbacks.find((f) => existsSync(f)) ?? name;

/** `binlog`: the server writes a row-based binary log (what a CDC reader follows); off by default. */
export async function startMariaDb(opts: { readonly binlog?: boolean } = {}): Promise<MariaDb> {
  const install = spawnSync('bash', [join(ROOT, 'scripts/install-mariadb.sh')], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`scripts/install-mariadb.sh failed: ${install.stderr}`);
  const mariadbd = binary('mariadbd', ['/usr/sbin/mariadbd']);
  const client = binary('mariadb', ['/usr/bin/mariadb']);
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-mariadb-'));
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const user = userInfo().username;
  const init = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, `--user=${user}`, '--auth-root-authentication-method=socket', '--skip-test-db'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr}${init.stdout}`);
  const port = await freePort();
  const server: ChildProcess = spawn(
    mariadbd,
    ['--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', `--user=${user}`, `--pid-file=${join(dir, 'mariadb.pid')}`, ...(opts.binlog === true ? [`--log-bin=${join(dir, 'binlog')}`, '--binlog-format=ROW', '--binlog-row-image=FULL', '--server-id=1'] : ['--skip-log-bin']), '--innodb-buffer-pool-size=16M', `--log-error=${join(dir, 'error.log')}`],
    { stdio: 'ignore' },
  );
  const sql = (statements: string, database?: string): string => {
    const r = spawnSync(client, ['--no-defaults', `--socket=${socket}`, '-uroot', '--batch', '--skip-column-names', ...(database === undefined ? [] : [database]), '-e', statements], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mariadb: ${r.stderr}`);
    return r.stdout;
  };
  const stop = async (): Promise<void> => {
    if (server.exitCode === null && server.pid !== undefined) {
      const exited = new Promise((done) => server.once('exit', done));
      process.kill(server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
      if (server.exitCode === null) process.kill(server.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      sql('SELECT 1');
      break;
    } catch (e) {
      if (i > 100 || server.exitCode !== null) {
        await stop();
        throw new Error(`MariaDB did not start: ${String(e)}`);
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  return { port, sql, stop };
}

#!/usr/bin/env bash
# Installs, one after the other and before any test runs, the Debian packages the tests drive for real:
# promtool/amtool (alerting), mariadb-server (introspect) and chromium (lineage page, Mermaid). Each script is
# idempotent and does nothing when its tools are present; running them here, serially, keeps a bare machine's
# first `npm test` from installing inside test hooks (with their timeouts) or from parallel test files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-prometheus-tools.sh"
bash "$here/install-mariadb.sh"
bash "$here/install-chromium.sh"
# the Kafka broker's jars (Maven Central, into the flinkts cache as the Flink bridge's), for the deploy tests
node "$here/install-kafka.mjs" >/dev/null

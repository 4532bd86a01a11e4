#!/usr/bin/env bash
# Installs Debian's MariaDB server binaries (package `mariadb-server`) for the `flinkts introspect` tests, which
# read information_schema from a real server. Idempotent: does nothing when mariadbd and mariadb-install-db are
# on the PATH. The package's own service is not started: the tests start their own server on 127.0.0.1 with a
# throw-away data directory and stop it by pid.
set -euo pipefail
exec bash "$(dirname "$0")/apt-install.sh" install-mariadb \
  '{ command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; } && command -v mariadb-install-db >/dev/null 2>&1' \
  mariadb-server

#!/usr/bin/env bash
# Installs Debian's MariaDB server binaries (package `mariadb-server`) for the `flinkts introspect` tests, which
# read information_schema from a real server. Idempotent: does nothing when mariadbd and mariadb-install-db are
# on the PATH. The package's own service is not started (policy-rc.d 101): the tests start their own server on
# 127.0.0.1 with a throw-away data directory and stop it by pid.
set -euo pipefail
have() { command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; }
if have && command -v mariadb-install-db >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-mariadb: mariadb-server is missing and this user cannot apt-get install it" >&2
  exit 1
fi
exec 9>/tmp/flinkts-apt.lock  # one lock for every apt-get of the test scripts (dpkg allows one at a time)
flock 9
if have && command -v mariadb-install-db >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
have

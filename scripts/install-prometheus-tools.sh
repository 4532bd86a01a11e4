#!/usr/bin/env bash
# Installs Prometheus's own tools for the alerting tests: promtool (Debian package `prometheus`) checks and
# unit-tests the generated alerting rules, amtool (Debian package `prometheus-alertmanager`) checks the generated
# Alertmanager configuration and its routes. Idempotent: does nothing when both are on the PATH.
# Only the command-line tools are used; the services these packages bring are stopped and not left running.
set -euo pipefail
if command -v promtool >/dev/null 2>&1 && command -v amtool >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-prometheus-tools: promtool/amtool are missing and this user cannot apt-get install them" >&2
  exit 1
fi
# Test files may call this at the same time: one installs, the others wait and find the tools.
exec 9>/tmp/flinkts-apt.lock  # one lock for every apt-get of the test scripts (dpkg allows one at a time)
flock 9
if command -v promtool >/dev/null 2>&1 && command -v amtool >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# policy-rc.d 101: the packages' services are not started on install (no server is left running by a test run).
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager >/dev/null
command -v promtool >/dev/null && command -v amtool >/dev/null

#!/usr/bin/env bash
# Usage: apt-install.sh <name> <check> <package>…
# What every install script of the tests shares: when the shell command <check> fails, installs the Debian
# packages as root, under one lock for every apt-get of the test scripts (dpkg allows one at a time; a second
# caller waits, then finds the tools), with policy-rc.d 101 so that no service a package brings is started (a test
# run leaves no server running). Idempotent; <check> must pass afterwards.
set -euo pipefail
name=$1 check=$2
shift 2
if bash -c "$check"; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$name: $* missing and this user cannot apt-get install them" >&2
  exit 1
fi
exec 9>/tmp/flinkts-apt.lock
flock 9
if bash -c "$check"; then
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
apt-get install -y -qq --no-install-recommends "$@" >/dev/null
bash -c "$check"

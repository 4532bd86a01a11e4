#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (the lineage page, Mermaid rendering), driven by playwright-core
# from npm with executablePath /usr/bin/chromium (Playwright's own browser download does not work here).
# Idempotent: does nothing when /usr/bin/chromium exists.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: /usr/bin/chromium is missing and this user cannot apt-get install it" >&2
  exit 1
fi
# Test files may call this at the same time: one installs, the others wait and find the browser.
exec 9>/tmp/flinkts-apt.lock  # one lock for every apt-get of the test scripts (dpkg allows one at a time)
flock 9
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x /usr/bin/chromium

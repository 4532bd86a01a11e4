#!/usr/bin/env bash
# Installs Prometheus's own tools for the alerting tests: promtool (Debian package `prometheus`) checks and
# unit-tests the generated alerting rules, amtool (Debian package `prometheus-alertmanager`) checks the generated
# Alertmanager configuration and its routes. Idempotent: does nothing when both are on the PATH.
# Only the command-line tools are used; the services these packages bring are not started.
set -euo pipefail
exec bash "$(dirname "$0")/apt-install.sh" install-prometheus-tools \
  'command -v promtool >/dev/null 2>&1 && command -v amtool >/dev/null 2>&1' \
  prometheus prometheus-alertmanager

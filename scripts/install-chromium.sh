#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (the lineage page, Mermaid rendering), driven by playwright-core
# from npm with executablePath /usr/bin/chromium (Playwright's own browser download does not work here).
# Idempotent: does nothing when /usr/bin/chromium exists.
set -euo pipefail
exec bash "$(dirname "$0")/apt-install.sh" install-chromium '[ -x /usr/bin/chromium ]' chromium

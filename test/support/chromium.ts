/**
 * Headless Chromium for browser tests: Debian's `chromium` (installed by scripts/install-chromium.sh when missing)
 * driven by playwright-core. The flags keep it off the network (this machine's network is closed: background
 * services would fail to connect) and run it as root without a sandbox, with Playwright's throw-away profile.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

const SCRIPT = fileURLToPath(new URL('../../scripts/install-chromium.sh', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';

export interface Chromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  execFileSync('bash', [SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

import { expect } from 'vitest';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Locally the browser tests skip without Debian's Chromium; in CI its absence is a failure. */
export const chromiumAvailable = existsSync(chromiumPath);

if (!chromiumAvailable && process.env.CI === 'true') {
  throw new Error(`Browser tests need Chromium at ${chromiumPath} (CI installs it through .ci/install-system-packages).`);
}

export const skipReason = chromiumAvailable ? '' : `skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** expect.poll with room for a loaded CI machine (its default gives up after one second). */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 50 });
}

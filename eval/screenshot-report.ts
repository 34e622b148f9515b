import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * Screenshots report.html with its first failing item expanded (for the README):
 * `tsx eval/screenshot-report.ts --report /tmp/eval-out/report.html --out docs/screenshots/eval-report.png`
 */
const { values } = parseArgs({
  options: {
    report: { type: 'string', default: 'eval/out/report.html' },
    out: { type: 'string', default: 'docs/screenshots/eval-report.png' },
    item: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});

const browser = await chromium.launch({
  executablePath: values.chromium,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(pathToFileURL(resolve(values.report)).href);
  await page.check('#only-failed');
  const selector = values.item ? `details[id="${values.item}"]` : 'details.item.failed';
  const item = page.locator(selector).first();
  await item.locator('summary').click();
  await item.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -60));
  await page.screenshot({ path: values.out });
  console.log(`Wrote ${values.out}`);
} finally {
  await browser.close();
}

import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser-launcher.js';
import { realisticAnswer, units } from './web-fixtures.js';
import { createStandInApp, listen, serveCustomerSite } from './web-test-servers.js';

/**
 * `npx tsx test/server/web/take-screenshots.ts` — writes docs/screenshots/*.png: the chat page and the
 * widget, at desktop and mobile widths, after a question with a streamed, cited answer. By default the
 * answer comes from the API stand-in with real paragraphs of A/RES/76/172. With
 * `--app http://127.0.0.1:8791/ --site-port 8792` it drives a running Verbatim (`npm start` with
 * ALLOWED_ORIGINS and WIDGET_KEYS=ngo-public-key=http://localhost:8792) and also shoots /compare.
 */

const folder = new URL('../../../docs/screenshots/', import.meta.url);
const desktop = { width: 1280, height: 800 };
const mobile = { width: 390, height: 844 };
const question = 'What does the General Assembly ask States to do about the detention of migrants?';

function ngoPage(widgetSource: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Migrant Rights Network</title><style>
body { margin: 0; font-family: Georgia, serif; background: #fbf8f3; color: #2b2b2b; }
header { background: #2f4f4f; color: #fff; padding: 1.25rem 2rem; font-size: 1.4rem; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.6; }
h1 { font-size: 2rem; margin-top: 0; }
</style></head><body><header>Migrant Rights Network</header><main><h1>Know your rights on the move</h1>
<p>We support migrants and the organisations that work with them. Our resources explain what international
law and the resolutions of the United Nations General Assembly say about the rights of people on the move.</p>
<p>Have a question about a resolution? Ask our assistant: every answer quotes the exact paragraph.</p></main>
<script src="${widgetSource}" data-key="ngo-public-key" data-title="Ask about UN resolutions" data-accent="#2f4f4f" async></script>
</body></html>`;
}

async function shootChatPage(browser: Browser, url: string, viewport: { width: number; height: number }, name: string, openCard: boolean, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme });
  await page.goto(url);
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  await page.locator('.message.assistant .message-actions').waitFor();
  if (openCard) {
    await page.locator('.citation-marker').first().click();
    await page.locator('#source-card mark').first().waitFor();
  }
  await page.screenshot({ path: new URL(name, folder).pathname });
  await page.close();
}

async function shootWidget(browser: Browser, url: string, viewport: { width: number; height: number }, name: string, openCard: boolean): Promise<void> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.locator('verbatim-chat .launcher').click();
  await page.locator('verbatim-chat #verbatim-question').fill(question);
  await page.locator('verbatim-chat #verbatim-question').press('Enter');
  await page.locator('verbatim-chat .citation-marker').first().waitFor();
  await page.locator('verbatim-chat .message-actions').first().waitFor();
  if (openCard) {
    await page.locator('verbatim-chat .citation-marker').first().click();
    await page.locator('verbatim-chat .card mark').first().waitFor();
  }
  await page.screenshot({ path: new URL(name, folder).pathname });
  await page.close();
}

async function shootCompare(browser: Browser, url: string, viewport: { width: number; height: number }, name: string): Promise<void> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(`${url}compare?from=${encodeURIComponent('A/RES/74/148')}&to=${encodeURIComponent('A/RES/76/172')}`);
  await page.locator('#comparison .status-changed ins').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: new URL(name, folder).pathname });
  await page.close();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { app: { type: 'string' }, 'site-port': { type: 'string', default: '0' } } });
  mkdirSync(folder, { recursive: true });
  let apiUrl = values.app ? new URL('./', values.app).href : '';
  const customer = await serveCustomerSite(() => ngoPage(`${apiUrl}widget.js`), Number(values['site-port']));
  const closers = [() => customer.close()];
  if (!values.app) {
    const { app } = createStandInApp({ answer: realisticAnswer, units, allowedOrigins: [customer.origin], widgetKeys: { 'ngo-public-key': customer.origin } });
    const api = await listen(app);
    closers.push(() => api.close());
    apiUrl = api.url;
  }
  const browser = await launchChromium();
  try {
    await shootChatPage(browser, apiUrl, desktop, 'chat-page-desktop.png', false);
    await shootChatPage(browser, apiUrl, desktop, 'chat-page-card-desktop.png', true);
    await shootChatPage(browser, apiUrl, mobile, 'chat-page-mobile.png', false);
    await shootChatPage(browser, apiUrl, desktop, 'chat-page-dark-desktop.png', true, 'dark');
    await shootWidget(browser, customer.url, desktop, 'widget-desktop.png', false);
    await shootWidget(browser, customer.url, mobile, 'widget-mobile.png', false);
    await shootWidget(browser, customer.url, mobile, 'widget-card-mobile.png', true);
    if (values.app) await shootCompare(browser, apiUrl, desktop, 'compare-page-desktop.png');
  } finally {
    await browser.close();
    await Promise.all(closers.map((close) => close()));
  }
  console.log(`screenshots written to ${folder.pathname}`);
}

await main();

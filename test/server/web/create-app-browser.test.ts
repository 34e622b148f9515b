import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer as AppServer } from '../../../src/server/start-server.js';
import { buildTestApp, listenOnFreePort, makeTestCorpus, type ScriptMode } from '../server-test-kit.js';
import { chromiumAvailable, eventually, launchChromium, skipReason } from './browser-launcher.js';
import { customerPage, serveCustomerSite, type RunningServer } from './web-test-servers.js';

/**
 * The same browser checks against the real createApp (origin policy, CORS, SSE serialisation, unit and
 * feedback routes) with the server kit's scripted AnswerService and hand-made corpus.
 */

const closers: Array<() => Promise<void>> = [];

async function startStack(widgetAttributes: (apiUrl: string) => string, allowCustomer = true, kit: { mode?: ScriptMode; ready?: boolean } = {}) {
  let apiUrl = '';
  const customer: RunningServer = await serveCustomerSite(() => customerPage(widgetAttributes(apiUrl), false));
  closers.push(() => customer.close());
  const environment: Record<string, string> = allowCustomer ? { ALLOWED_ORIGINS: customer.origin, WIDGET_KEYS: `site-key=${customer.origin}` } : { WIDGET_KEYS: 'site-key=https://other.example' };
  const stack = buildTestApp({ environment, ...kit });
  const server: AppServer = await listenOnFreePort(stack.app);
  closers.push(() => server.close());
  apiUrl = `http://127.0.0.1:${server.port}/`;
  return { stack, customer, apiUrl };
}

describe.skipIf(!chromiumAvailable)(`web assets on the real createApp ${skipReason}`, () => {
  let browser: Browser;
  const corpus = makeTestCorpus();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('should answer in the widget on an allowed origin and show the cited unit with its footnote', async () => {
    const { stack, customer } = await startStack((api) => `<script src="${api}widget.js" data-key="site-key" async></script>`);
    const page = await browser.newPage();
    await page.goto(customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await page.locator('verbatim-chat #verbatim-question').fill('Can migrants be held while their papers are checked?');
    await page.locator('verbatim-chat #verbatim-question').press('Enter');
    const answer = page.locator('verbatim-chat .message.assistant').last();
    await answer.locator('.message-actions').waitFor();
    expect(await answer.locator('.citation-marker').allTextContents()).toEqual(['A/RES/76/172, para. 5 (b)']);
    expect(stack.answerService.requests).toHaveLength(1);

    await answer.locator('.citation-marker').click();
    const card = page.locator('verbatim-chat .card-layer');
    const unit = corpus.getUnit('A/RES/76/172:OP5(b)');
    await eventually(() => card.locator('.card-text').textContent()).toBe(unit?.text);
    expect(await card.locator('mark').allTextContents()).toEqual(['review detention periods in order to avoid excessive detention of migrants']);
    expect(await card.locator('.card-footnotes li').allTextContents()).toEqual(['A/RES/76/172, footnote 2: See A/HRC/36/42.']);
    await page.keyboard.press('Escape');

    const feedback = page.waitForResponse((response) => response.url().endsWith('/api/feedback'));
    await answer.locator('.rate-up').click();
    expect((await feedback).status()).toBe(201);
    await page.close();
  });

  it('should be refused by the real origin check on a site that is not allowed', async () => {
    const { stack, customer } = await startStack((api) => `<script src="${api}widget.js" data-key="site-key" async></script>`, false);
    const page = await browser.newPage();
    await page.goto(customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await page.locator('verbatim-chat #verbatim-question').fill('Can migrants be held?');
    await page.locator('verbatim-chat #verbatim-question').press('Enter');
    const answer = page.locator('verbatim-chat .message.assistant').last();
    await eventually(() => answer.getAttribute('class')).toContain('error');
    expect(stack.answerService.requests).toHaveLength(0);
    await page.close();
  });

  it('should serve the staff page that streams an answer and opens its card', async () => {
    const { apiUrl } = await startStack(() => '');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(apiUrl);
    await page.locator('#question').fill('Can migrants be held while their papers are checked?');
    await page.locator('#question').press('Enter');
    await page.locator('.message.assistant .message-actions').waitFor();
    await page.locator('.citation-marker').click();
    await eventually(() => page.locator('#source-card .card-text').textContent()).toBe(corpus.getUnit('A/RES/76/172:OP5(b)')?.text);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should show two versions side by side with word changes marked on the compare page', async () => {
    const { apiUrl } = await startStack(() => '');
    const page = await browser.newPage();
    await page.goto(`${apiUrl}compare?from=${encodeURIComponent('A/RES/74/148')}&to=${encodeURIComponent('A/RES/76/172')}`);
    await eventually(() => page.locator('#compare-status').textContent()).toBe('5 unchanged, 2 changed, 2 added');
    const rows = page.locator('#comparison > li:visible');
    expect(await rows.count()).toBe(4);
    const header = rows.first();
    expect(await header.locator('.from del').allTextContents()).toEqual(['18', '2019']);
    expect(await header.locator('.to ins').allTextContents()).toEqual(['16', '2021']);
    expect(await header.locator('.from .side-text').textContent()).toBe('Resolution adopted by the General Assembly on 18 December 2019');
    const added = page.locator('#comparison > li.status-added').first();
    expect(await added.locator('.from').textContent()).toBe('Not in the older version');
    expect(await added.locator('.to .side-label').textContent()).toContain('A/RES/76/172, para. 5 (b)');
    await eventually(() => added.locator('.to .side-text').textContent()).toBe(corpus.getUnit('A/RES/76/172:OP5(b)')?.text);

    await page.locator('#show-unchanged').check();
    expect(await rows.count()).toBe(9);
    const preamble = page.locator('#comparison > li.status-unchanged').first();
    await eventually(() => preamble.locator('.to .side-text').textContent()).toBe(corpus.getUnit('A/RES/76/172:PP1')?.text);
    expect(await preamble.locator('.from .side-label').textContent()).toBe('A/RES/74/148, preamble, para. 1');
    await page.close();
  });

  it('should tell the user when the service is not ready or the answer fails mid-stream', async () => {
    const starting = await startStack(() => '', true, { ready: false });
    const page = await browser.newPage();
    await page.goto(starting.apiUrl);
    await page.locator('#question').fill('Can migrants be held?');
    await page.locator('#question').press('Enter');
    await eventually(() => page.locator('.message.assistant.error .message-text').textContent()).toBe(
      'The assistant is not available right now. Please try again in a moment.',
    );

    const failing = await startStack(() => '', true, { mode: 'error-event' });
    await page.goto(failing.apiUrl);
    await page.locator('#question').fill('Can migrants be held?');
    await page.locator('#question').press('Enter');
    await eventually(() => page.locator('.message.assistant.error .message-text').textContent()).toBe('Something went wrong. Please try again.');
    expect(await page.locator('.message.assistant .rate-up').count()).toBe(0);
    await page.close();
  });
});

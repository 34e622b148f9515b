import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, eventually, launchChromium, skipReason } from './browser-launcher.js';
import { hostileAnswer, hostileUnits, realisticAnswer, units } from './web-fixtures.js';
import { createStandInApp, listen, type RunningServer, type StandInOptions } from './web-test-servers.js';

const opened: RunningServer[] = [];

async function startApp(options: Partial<StandInOptions> = {}) {
  const { app, record } = createStandInApp({ answer: realisticAnswer, units, allowedOrigins: [], ...options });
  const server = await listen(app);
  opened.push(server);
  return { server, record };
}

describe.skipIf(!chromiumAvailable)(`staff chat page in a real browser ${skipReason}`, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((server) => server.close()));
  });

  it('should stream an answer, list its sources and open a source card from a marker', async () => {
    const { server, record } = await startApp();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(server.url);
    expect(await page.locator('.suggestion').count()).toBeGreaterThan(0);

    await page.locator('#question').fill('What does the Assembly say about detention?');
    await page.locator('#question').press('Enter');
    const answer = page.locator('.message.assistant').last();
    await eventually(() => answer.locator('.citation-marker').count()).toBe(2);
    expect(await answer.locator('.message-text').textContent()).toContain('alternatives to detention');
    expect(await page.locator('#empty-state').isHidden()).toBe(true);
    await eventually(() => page.locator('#status').textContent()).toBe('Answer ready.');
    expect(await page.locator('#sources .source-label').allTextContents()).toEqual([
      'A/RES/76/172, para. 5 (a)',
      'A/RES/76/172, para. 5 (b)',
      'A/RES/74/148, para. 4 (a)',
    ]);
    expect(await page.locator('#sources .cited').count()).toBe(2);
    expect(record.chatRequests[0]?.body).not.toHaveProperty('filters');

    const marker = answer.locator('.citation-marker').nth(1);
    await marker.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('#source-card');
    await eventually(() => card.locator('.card-text').textContent()).toBe(units[1]?.text);
    expect(await card.locator('mark').allTextContents()).toEqual(['to work towards ending the detention of migrant children']);
    await page.keyboard.press('Escape');
    expect(await card.isVisible()).toBe(false);
    // Focus returns to the marker that opened the card.
    expect(await marker.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should copy the answer with its citations and send feedback with a comment', async () => {
    const { server, record } = await startApp();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.suggestion').first().click();
    const answer = page.locator('.message.assistant').last();
    await eventually(() => answer.locator('.citation-marker').count()).toBe(2);

    await answer.locator('.copy-action').click();
    await eventually(() => answer.locator('.copy-action').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('[A/RES/76/172, para. 5 (a)]');
    expect(copied).toContain('Sources:\n[A/RES/76/172, para. 5 (a)] “to put an end to arbitrary arrest and detention');
    expect(copied).toContain('https://undocs.org/en/A/RES/76/172');

    await answer.locator('.rate-down').click();
    await answer.locator('.feedback-form textarea').fill('Should also cite the 2019 text.');
    await answer.locator('.feedback-form button[type=submit]').click();
    await eventually(() => record.feedback).toEqual([
      { answerId: 'answer-1', rating: 'down' },
      { answerId: 'answer-1', rating: 'down', comment: 'Should also cite the 2019 text.' },
    ]);
    expect(await answer.locator('.feedback-thanks').isVisible()).toBe(true);
    await context.close();
  });

  it('should show the footnotes and official link of a cited paragraph, searching the chosen document', async () => {
    const { server, record } = await startApp();
    const page = await browser.newPage();
    await page.goto(server.url);
    await eventually(() => page.locator('#document-filter option').allTextContents()).toEqual([
      'All documents',
      'A/RES/76/172 (2021) — Protection of migrants',
      'A/RES/74/148 (2019) — Protection of migrants',
    ]);
    await page.locator('#document-filter').selectOption('A/RES/76/172');
    await page.locator('#question').fill('What about domestic workers?');
    await page.locator('#send').click();
    await page.locator('.citation-marker').click();
    const card = page.locator('#source-card');
    await eventually(() => card.locator('.card-footnotes li').allTextContents()).toEqual([
      'A/RES/76/172, footnote 31: United Nations, Treaty Series, vol. 2955, No. 51379.',
    ]);
    expect(await card.locator('.card-link').getAttribute('href')).toBe('https://undocs.org/en/A/RES/76/172');
    await card.locator('#card-close').click();
    expect(await card.isVisible()).toBe(false);
    expect(record.chatRequests[0]?.body).toMatchObject({ filters: { symbols: ['A/RES/76/172'] } });
    await page.close();
  });

  it('should render hostile markup as text even without the page CSP', async () => {
    const { server } = await startApp({ answer: () => hostileAnswer, units: hostileUnits });
    // The CSP would block inline handlers anyway; bypassing it proves the rendering itself is safe.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#question').fill('<script>window.__verbatimPwned = 1</script>');
    await page.locator('#question').press('Enter');
    await eventually(() => page.locator('.citation-marker').count()).toBe(1);
    await page.locator('.citation-marker').click();
    await eventually(() => page.locator('#source-card .card-text').textContent()).toBe(hostileUnits[0]?.text);
    await page.keyboard.press('Escape');
    await page.locator('#sources .source-button').click();
    await eventually(() => page.locator('#source-card .card-footnotes li').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __verbatimPwned?: number }).__verbatimPwned)).toBeUndefined();
    expect(await page.locator('main img, main script, dialog img, dialog a, aside img').count()).toBe(0);
    await context.close();
  });
});

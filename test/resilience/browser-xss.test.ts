import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiChatModel } from '../../src/answer/chat-model.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { chromiumAvailable, launchChromium, skipReason } from '../server/web/browser-launcher.js';
import { startStandInOpenAiServer, type StandInOpenAiServer } from '../support/stand-in-openai-server.js';
import { obedientReply } from './support/obedient-model.js';
import { DOCUMENT_XSS_MARKERS } from './support/poisoned-resolution.js';
import { RED_TEAM_ATTACKS } from './support/red-team-attacks.js';
import { recordResilienceSection } from './support/resilience-report.js';
import { buildResilienceApp } from './support/resilience-fixture.js';

const xssAttacks = RED_TEAM_ATTACKS.filter((attack) => attack.category === 'xss' || attack.category === 'indirect-injection');
const markers = [...new Set([...xssAttacks.map((attack) => attack.scriptMarker).filter((marker): marker is string => Boolean(marker)), ...DOCUMENT_XSS_MARKERS])];

async function executedMarkers(page: Page): Promise<string[]> {
  return page.evaluate((names) => names.filter((name) => (window as unknown as Record<string, unknown>)[name] !== undefined), markers);
}

describe.skipIf(!chromiumAvailable)(`XSS payloads rendered in the chat page ${skipReason}`, () => {
  let browser: Browser;
  let standIn: StandInOpenAiServer;
  const servers: Array<[string, RunningServer]> = [];
  const tally = { rendered: 0, executed: 0, dialogs: 0, sourceCardsOpened: 0 };

  beforeAll(async () => {
    browser = await launchChromium();
    standIn = await startStandInOpenAiServer(obedientReply);
    const chatModel = createOpenAiChatModel({ baseUrl: standIn.baseUrl, model: 'obedient-stand-in', policy: { maxRetries: 0, attemptTimeoutMs: 5_000, totalBudgetMs: 5_000, maxRetryAfterMs: 0, baseBackoffMs: 0 } });
    for (const [name, target] of [['extractive', await buildResilienceApp()], ['llm (obedient stand-in)', await buildResilienceApp({ chatModel })]] as const) {
      servers.push([name, await startServer(target.app, { port: 0, host: '127.0.0.1' })]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await standIn?.close();
    await Promise.all(servers.map(([, server]) => server.close()));
    await recordResilienceSection({
      key: '1-red-team-browser',
      title: 'Red team: scripts executed in the browser',
      figures: { 'answers rendered in the chat page': tally.rendered, 'source cards opened': tally.sourceCardsOpened, 'scripts executed (window markers set)': tally.executed, 'dialogs opened': tally.dialogs },
      notes: `Chromium (playwright-core, /usr/bin/chromium, headless) on the real chat page served by createApp, both answerers, ${xssAttacks.length} XSS and indirect-injection questions; after each answer every citation marker's source card is opened so the poisoned paragraphs are rendered too. A payload that ran would set one of: ${markers.join(', ')}.`,
    });
  });

  it('should render every hostile question, answer and source as inert text', async () => {
    for (const [name, server] of servers) {
      const page = await browser.newPage();
      page.on('dialog', (dialog) => {
        tally.dialogs += 1;
        void dialog.dismiss();
      });
      await page.goto(`http://127.0.0.1:${server.port}/`);
      for (const attack of xssAttacks) {
        const before = await page.locator('.message.assistant').count();
        await page.locator('#question').fill(attack.question);
        await page.locator('#question').press('Enter');
        await expect.poll(() => page.locator('.message.assistant').count(), { timeout: 30_000, interval: 50 }).toBeGreaterThan(before);
        await expect.poll(async () => (await page.locator('#status').textContent()) ?? '', { timeout: 30_000, interval: 100 }).toMatch(/ready|could not|error|try again/i);
        tally.rendered += 1;
        const answerMarkers = page.locator('.message.assistant').last().locator('.citation-marker');
        for (let position = 0; position < (await answerMarkers.count()); position += 1) {
          await answerMarkers.nth(position).click();
          tally.sourceCardsOpened += 1;
          await page.keyboard.press('Escape');
        }
      }
      const executed = await executedMarkers(page);
      tally.executed += executed.length;
      expect(executed, `${name}: scripts ran`).toEqual([]);
      await page.close();
    }
    expect(tally.dialogs).toBe(0);
  });
});

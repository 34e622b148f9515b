import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, eventually, launchChromium, skipReason } from './browser-launcher.js';
import { hostileAnswer, hostileUnits, realisticAnswer, units } from './web-fixtures.js';
import { createStandInApp, customerPage, listen, serveCustomerSite, type RunningServer, type StandInOptions } from './web-test-servers.js';

interface Site {
  api: RunningServer;
  customer: RunningServer;
  record: ReturnType<typeof createStandInApp>['record'];
}

const opened: RunningServer[] = [];

/** Starts the API on 127.0.0.1 and a customer website on localhost (another origin) embedding the widget. */
async function startSite(attributes: string, options: Partial<StandInOptions> & { allowCustomer?: boolean; keyForCustomer?: string } = {}): Promise<Site> {
  let customerOrigin = '';
  let apiUrl = '';
  const customer = await serveCustomerSite(() => customerPage(`<script src="${apiUrl}widget.js" ${attributes} async></script>`));
  customerOrigin = customer.origin;
  const { app, record } = createStandInApp({
    answer: realisticAnswer,
    units,
    allowedOrigins: options.allowCustomer === false ? ['https://someone-else.example'] : [customerOrigin],
    widgetKeys: { [options.keyForCustomer ?? 'public-key-1']: customerOrigin },
    ...options,
  });
  const api = await listen(app);
  apiUrl = api.url;
  opened.push(api, customer);
  return { api, customer, record };
}

async function ask(page: Page, question: string): Promise<void> {
  await page.locator('verbatim-chat #verbatim-question').fill(question);
  await page.locator('verbatim-chat #verbatim-question').press('Enter');
}

describe.skipIf(!chromiumAvailable)(`widget in a real browser ${skipReason}`, () => {
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

  it('should stream an answer on another origin and open a citation card with the unit text', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const site = await startSite('data-key="public-key-1" data-title="Ask about migrants" data-symbols="A/RES/76/172"', {
      beforeCitations: () => held,
    });
    const page = await browser.newPage();
    await page.goto(site.customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await eventually(() => page.locator('verbatim-chat .title').textContent()).toBe('Ask about migrants');
    await ask(page, 'What about detention of migrants?');

    const answer = page.locator('verbatim-chat .message.assistant').last();
    // Half-streamed: text is already on screen while the citations are held back by the stand-in.
    await eventually(() => answer.locator('.message-text').textContent()).toContain('[A/RES/76/172, para. 5 (b)]');
    expect(await answer.getAttribute('aria-busy')).toBe('true');
    expect(await answer.locator('.citation-marker').count()).toBe(0);
    release();

    await eventually(() => answer.locator('.citation-marker').count()).toBe(2);
    expect(await answer.locator('.citation-marker').allTextContents()).toEqual(['A/RES/76/172, para. 5 (a)', 'A/RES/76/172, para. 5 (b)']);
    await eventually(() => answer.getAttribute('aria-busy')).toBeNull();

    const request = site.record.chatRequests[0];
    expect(request?.origin).toBe(site.customer.origin);
    expect(request?.key).toBe('public-key-1');
    expect(request?.body).toMatchObject({ stream: true, filters: { symbols: ['A/RES/76/172'] } });

    await answer.locator('.citation-marker').first().click();
    const card = page.locator('verbatim-chat .card-layer');
    await eventually(() => card.locator('.card-text').textContent()).toBe(units[0]?.text);
    const marked = await card.locator('mark').allTextContents();
    expect(marked).toEqual(['to put an end to arbitrary arrest and detention', 'to pursue alternatives to detention while assessments of migration status are under way']);
    expect(await card.locator('.card-link').getAttribute('href')).toBe('https://undocs.org/en/A/RES/76/172');
    await page.keyboard.press('Escape');
    expect(await card.isHidden()).toBe(true);

    await answer.locator('.rate-up').click();
    await eventually(() => site.record.feedback).toEqual([{ answerId: 'answer-1', rating: 'up' }]);
    await page.close();
  });

  it('should keep the conversation across page loads in sessionStorage', async () => {
    const site = await startSite('data-key="public-key-1"');
    const page = await browser.newPage();
    await page.goto(site.customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await ask(page, 'What about domestic workers?');
    await page.locator('verbatim-chat .message-actions').waitFor();

    await page.reload();
    expect(await page.locator('verbatim-chat .panel').isVisible()).toBe(true);
    expect(await page.locator('verbatim-chat .message.user .message-text').allTextContents()).toEqual(['What about domestic workers?']);
    await page.locator('verbatim-chat .citation-marker').click();
    await eventually(() => page.locator('verbatim-chat .card-footnotes li').allTextContents()).toEqual([
      'A/RES/76/172, footnote 31: United Nations, Treaty Series, vol. 2955, No. 51379.',
    ]);

    // A follow-up sends the restored history with it.
    await page.keyboard.press('Escape');
    await ask(page, 'And detention?');
    await eventually(() => site.record.chatRequests.length).toBe(2);
    const roles = (site.record.chatRequests[1]?.body as { messages: { role: string }[] }).messages.map((message) => message.role);
    expect(roles).toEqual(['user', 'assistant', 'user']);
    await page.close();
  });

  it('should never execute markup from an answer or a document', async () => {
    const site = await startSite('data-key="public-key-1"', { answer: () => hostileAnswer, units: hostileUnits });
    const page = await browser.newPage();
    await page.goto(site.customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await ask(page, '<img src=x onerror="window.__verbatimPwned = 1"> what now?');
    const answer = page.locator('verbatim-chat .message.assistant').last();
    await eventually(() => answer.locator('.citation-marker').count()).toBe(1);
    await answer.locator('.citation-marker').click();
    const card = page.locator('verbatim-chat .card-layer');
    await eventually(() => card.locator('.card-text').textContent()).toBe(hostileUnits[0]?.text);
    await answer.locator('.message-actions').waitFor();
    await page.reload();
    await page.locator('verbatim-chat .citation-marker').click();
    await eventually(() => card.locator('.card-footnotes li').count()).toBe(1);

    expect(await page.evaluate(() => (window as unknown as { __verbatimPwned?: number }).__verbatimPwned)).toBeUndefined();
    expect(await answer.locator('.message-text').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('verbatim-chat img, verbatim-chat script, verbatim-chat svg[onload]').count()).toBe(0);
    // The document's javascript: link is dropped rather than made clickable.
    expect(await card.locator('a').count()).toBe(0);
    await page.close();
  });

  it('should be refused on an origin the server does not allow', async () => {
    const site = await startSite('data-key="public-key-1"', { allowCustomer: false });
    const page = await browser.newPage();
    await page.goto(site.customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await ask(page, 'What about detention?');
    const answer = page.locator('verbatim-chat .message.assistant').last();
    await eventually(() => answer.getAttribute('class')).toContain('error');
    expect(await answer.locator('.message-text').textContent()).toBe('The assistant could not be reached. Please try again.');
    expect(site.record.chatRequests).toEqual([]);

    const direct = await fetch(`${site.api.url}api/chat`, {
      method: 'POST',
      headers: { Origin: site.customer.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(direct.status).toBe(403);
    expect(direct.headers.get('access-control-allow-origin')).toBeNull();
    await page.close();
  });

  it('should show the forbidden message when the key is bound to another origin', async () => {
    const site = await startSite('data-key="stolen-key" data-lang="fr"', { keyForCustomer: 'public-key-1' });
    const page = await browser.newPage();
    await page.goto(site.customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await ask(page, 'Et la détention ?');
    const answer = page.locator('verbatim-chat .message.assistant').last();
    await eventually(() => answer.locator('.message-text').textContent()).toBe('Ce site n’est pas autorisé à utiliser cet assistant.');
    expect(site.record.refusals).toBeGreaterThan(0);
    await page.close();
  });

  it('should follow its data-* options and stay untouched by the host page CSS', async () => {
    const site = await startSite('data-key="public-key-1" data-lang="fr" data-position="bottom-left" data-accent="#8a1538" data-greeting="Bonjour !"');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.customer.url);
    const launcher = page.locator('verbatim-chat .launcher');
    expect(await launcher.getAttribute('aria-label')).toBe('Ouvrir la conversation');
    const box = await launcher.boundingBox();
    expect(box && box.x < 100).toBe(true);
    const style = await launcher.evaluate((element) => {
      const computed = getComputedStyle(element);
      return { background: computed.backgroundColor, display: computed.display };
    });
    // The host page hides every button and turns all text red; neither reaches the shadow root.
    expect(style).toEqual({ background: 'rgb(138, 21, 56)', display: 'grid' });
    await launcher.click();
    expect(await page.locator('verbatim-chat .greeting').textContent()).toBe('Bonjour !');
    expect(await page.locator('verbatim-chat #verbatim-question').getAttribute('placeholder')).toBe('Écrivez votre question');
    expect(await page.locator('verbatim-chat .send').textContent()).toBe('Envoyer');
    const greetingFont = await page.locator('verbatim-chat .greeting').evaluate((element) => getComputedStyle(element).fontFamily);
    expect(greetingFont).not.toContain('Comic Sans');
    // And the widget adds nothing to the host document's own styles.
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
    await page.close();
  });

  it('should keep working on a host page whose CSP forbids inline styles, and close with Escape', async () => {
    let apiOrigin = '';
    const customer = await serveCustomerSite(
      () =>
        `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src ${apiOrigin}; connect-src ${apiOrigin}; style-src 'self'"></head>` +
        `<body><p>Strict site</p><script src="${apiOrigin}/widget.js" data-key="k" data-accent="rgb(10, 120, 60)" async></script><script src="${apiOrigin}/widget.js" data-key="k" data-accent="rgb(10, 120, 60)" async></script></body></html>`,
    );
    const { app } = createStandInApp({ answer: realisticAnswer, units, allowedOrigins: [customer.origin], widgetKeys: { k: customer.origin } });
    const api = await listen(app);
    apiOrigin = api.origin;
    opened.push(api, customer);
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => /Content Security Policy|Refused/i.test(message.text()) && violations.push(message.text()));
    await page.goto(customer.url);
    const launcher = page.locator('verbatim-chat .launcher');
    await launcher.waitFor();
    // Pasted twice, mounted once.
    expect(await page.locator('verbatim-chat').count()).toBe(1);
    // Styled although inline <style> is forbidden: the rules arrive as a constructed stylesheet.
    expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(10, 120, 60)');
    await launcher.click();
    expect(await page.locator('verbatim-chat #verbatim-question').evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('verbatim-chat .panel').isHidden()).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('should copy an answer with its citations even where the Clipboard API is missing', async () => {
    const site = await startSite('data-key="public-key-1"');
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.customer.origin });
    // Plain-http intranet pages have no navigator.clipboard; keep a private handle to read the result.
    await context.addInitScript(() => {
      (window as unknown as { __clipboard: Clipboard }).__clipboard = navigator.clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    const page = await context.newPage();
    await page.goto(site.customer.url);
    await page.locator('verbatim-chat .launcher').click();
    await ask(page, 'What about domestic workers?');
    const copy = page.locator('verbatim-chat .copy-action');
    await copy.click();
    await eventually(() => copy.textContent()).toBe('Copied');
    const copied = await page.evaluate(() => (window as unknown as { __clipboard: Clipboard }).__clipboard.readText());
    expect(copied).toBe(
      'Member States are invited to consider ratifying the Domestic Workers Convention, 2011 (No. 189) [A/RES/76/172, para. 5 (m)].\n\nSources:\n' +
        '[A/RES/76/172, para. 5 (m)] “consider ratifying relevant conventions of the International Labour Organization, including the Domestic Workers Convention, 2011 (No. 189)” https://undocs.org/en/A/RES/76/172',
    );
    expect(await page.locator('verbatim-chat .copy-buffer').count()).toBe(0);
    await context.close();
  });
});

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureWidget } from '../../../src/server/web/web-assets.js';
import { createWebRoutes } from '../../../src/server/web/web-routes.js';

describe('createWebRoutes', () => {
  it('should serve the chat page with a strict CSP and no inline script, style or handler', async () => {
    const response = await createWebRoutes().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<script src="app.js" defer></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\son[a-z]+=/i);
  });

  it('should escape the configured title and suggested questions', async () => {
    const routes = createWebRoutes({ title: 'Ask <b>us</b>', suggestedQuestions: ['Is "x" < y & <img src=x onerror=alert(1)>?'] });
    const html = await (await routes.request('/')).text();
    expect(html).toContain('<h1>Ask &#60;b&#62;us&#60;/b&#62;</h1>');
    expect(html).toContain('Is &#34;x&#34; &#60; y &#38; &#60;img src=x onerror=alert(1)&#62;?');
    expect(html).not.toContain('<img');
  });

  it('should serve the page assets and a cross-origin embeddable widget script', async () => {
    const routes = createWebRoutes();
    for (const [path, type] of [
      ['/app.js', 'text/javascript'],
      ['/app.css', 'text/css'],
      ['/favicon.svg', 'image/svg+xml'],
      ['/compare', 'text/html'],
      ['/compare.js', 'text/javascript'],
      ['/compare.css', 'text/css'],
      ['/widget.js', 'text/javascript'],
    ] as const) {
      const response = await routes.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
    }
    const widget = await routes.request('/widget.js');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const script = await widget.text();
    expect(script).toContain("customElements.define(");
    expect(script).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/);
  });

  it('should keep the widget within 30 KB gzipped', async () => {
    const served = await (await createWebRoutes().request('/widget.js')).text();
    const gzipBytes = gzipSync(Buffer.from(served)).length;
    expect(gzipBytes).toBeLessThanOrEqual(30 * 1024);
    expect(measureWidget().bytes).toBe(Buffer.byteLength(served));
  });
});

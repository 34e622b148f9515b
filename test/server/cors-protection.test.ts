import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start-server.js';
import { buildTestApp, listenOnFreePort, question, type TestApp } from './server-test-kit.js';

let running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running) server.server.closeAllConnections();
  await Promise.all(running.map((server) => server.close()));
  running = [];
});

async function serve(environment: Record<string, string>): Promise<TestApp & { url: string }> {
  const test = buildTestApp({ environment });
  const server = await listenOnFreePort(test.app);
  running.push(server);
  return { ...test, url: server.url };
}

function chat(url: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ ...question, stream: false }),
  });
}

describe('CORS and widget keys', () => {
  it('should give an allowed origin CORS headers and refuse another origin with 403 before any work', async () => {
    const test = await serve({ ALLOWED_ORIGINS: 'https://allowed.example' });
    const allowed = await chat(test.url, { Origin: 'https://allowed.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const denied = await chat(test.url, { Origin: 'https://evil.example' });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('origin-not-allowed');
    expect(test.answerService.requests).toHaveLength(1);
  });

  it('should answer preflights for allowed origins only, allowing the widget key header', async () => {
    const test = await serve({ ALLOWED_ORIGINS: 'https://allowed.example' });
    const preflight = (origin: string) =>
      fetch(`${test.url}/api/chat`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-verbatim-key' },
      });
    const ok = await preflight('https://allowed.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-verbatim-key');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should accept a widget key only from the origin it is bound to and refuse cross-origin calls without one', async () => {
    const test = await serve({ ALLOWED_ORIGINS: '', WIDGET_KEYS: 'pk_site=https://site.example' });
    expect((await chat(test.url, { Origin: 'https://site.example', 'X-Verbatim-Key': 'pk_site' })).status).toBe(200);
    const stolen = await chat(test.url, { Origin: 'https://copycat.example', 'X-Verbatim-Key': 'pk_site' });
    expect(stolen.status).toBe(403);
    expect(((await stolen.json()) as { error: { code: string } }).error.code).toBe('widget-key-invalid');
    const keyless = await chat(test.url, { Origin: 'https://site.example' });
    expect(((await keyless.json()) as { error: { code: string } }).error.code).toBe('widget-key-required');
    const units = await fetch(`${test.url}/api/units/${encodeURIComponent('A/RES/76/172:OP1')}`, {
      headers: { Origin: 'https://site.example', 'X-Verbatim-Key': 'pk_site' },
    });
    expect(units.status).toBe(200);
    expect(units.headers.get('access-control-allow-origin')).toBe('https://site.example');
  });

  it('should count a widget key against its own budget', async () => {
    const test = await serve({ WIDGET_KEYS: 'pk_site=https://site.example', RATE_LIMIT_PER_KEY_PER_MINUTE: '2' });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await chat(test.url, { Origin: 'https://site.example', 'X-Verbatim-Key': 'pk_site' });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(test.metrics.render()).toContain('verbatim_rate_limited_total{scope="key"} 1');
  });
});

import { describe, expect, it } from 'vitest';
import { chatPageSecurityPolicy } from '../../src/server/web/web-routes.js';
import { buildTestApp } from './server-test-kit.js';

const unitPath = (id: string) => `/api/units/${encodeURIComponent(id)}`;

describe('createApp', () => {
  it('should answer /healthz and report /readyz 503 until the index is ready', async () => {
    const test = buildTestApp({ ready: false });
    expect((await test.app.request('/healthz')).status).toBe(200);
    const loading = await test.app.request('/readyz');
    expect(loading.status).toBe(503);
    expect(loading.headers.get('retry-after')).toBe('5');
    const chat = await test.app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(chat.status).toBe(503);
    expect(((await chat.json()) as { error: { code: string } }).error.code).toBe('not-ready');
    test.readiness.markReady();
    expect((await test.app.request('/readyz')).status).toBe(200);
  });

  it('should list the documents', async () => {
    const { app } = buildTestApp();
    const body = (await (await app.request('/api/documents')).json()) as { documents: Array<{ symbol: string; url: string; year: number }> };
    expect(body.documents.map((document) => document.symbol)).toEqual(['A/RES/74/148', 'A/RES/76/172']);
    expect(body.documents[1]).toMatchObject({ url: 'https://undocs.org/en/A/RES/76/172', year: 2021 });
  });

  it('should return a unit with its footnote texts, neighbours and official link', async () => {
    const { app } = buildTestApp();
    const response = await app.request(unitPath('A/RES/76/172:OP5(b)'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: 'A/RES/76/172:OP5(b)',
      label: 'A/RES/76/172, para. 5 (b)',
      kind: 'operative',
      text: 'To review detention periods in order to avoid excessive detention of migrants;',
      footnotes: [{ id: 'A/RES/76/172:FN2', label: 'A/RES/76/172, footnote 2', text: 'See A/HRC/36/42.' }],
      previous: { id: 'A/RES/76/172:OP5(a)' },
      next: { id: 'A/RES/76/172:FOOTER' },
      url: 'https://undocs.org/en/A/RES/76/172',
    });
  });

  it('should accept an id that is not URL-encoded and keep footnotes in their own reading order', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/api/units/A/RES/76/172:FN1');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'A/RES/76/172:FN1', previous: null, next: { id: 'A/RES/76/172:FN2' } });
  });

  it('should answer 404 with a clear message for an unknown unit and 400 for a badly encoded one', async () => {
    const { app } = buildTestApp();
    const missing = await app.request(unitPath('A/RES/76/172:OP99'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('A/RES/76/172:OP99');
    expect((await app.request('/api/units/%E0%A4%A')).status).toBe(400);
  });

  it('should compare two versions and 404 on an unknown symbol', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/api/compare?from=A/RES/74/148&to=A/RES/76/172');
    expect(response.status).toBe(200);
    const alignment = (await response.json()) as { from: string; to: string; pairs: Array<{ toIds: string[]; status: string }> };
    expect(alignment).toMatchObject({ from: 'A/RES/74/148', to: 'A/RES/76/172' });
    expect(alignment.pairs.find((pair) => pair.toIds.includes('A/RES/76/172:OP5(b)'))?.status).toBe('added');
    const unknown = await app.request('/api/compare?from=A/RES/1/1&to=A/RES/76/172');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('A/RES/1/1');
    expect((await app.request('/api/compare?from=A/RES/74/148')).status).toBe(400);
  });

  it('should store feedback for a logged answer and refuse unknown answers and long comments', async () => {
    const test = buildTestApp();
    const answered = await test.app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Detention?' }], stream: false }),
    });
    const { answerId } = (await answered.json()) as { answerId: string };
    const post = (body: unknown) =>
      test.app.request('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ answerId, rating: 'up', comment: 'Exactly the paragraph.' })).status).toBe(201);
    expect((await post({ answerId: 'answer-that-never-was', rating: 'down' })).status).toBe(404);
    expect((await post({ answerId, rating: 'sideways' })).status).toBe(400);
    expect((await post({ answerId, rating: 'down', comment: 'x'.repeat(2001) })).status).toBe(400);
    const stored = await test.repository.listAnswersWithFeedback();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.feedback.map((entry) => [entry.rating, entry.comment])).toEqual([['up', 'Exactly the paragraph.']]);
  });

  it('should expose Prometheus metrics for requests, answers and abstentions', async () => {
    const { app } = buildTestApp();
    await app.request('/api/documents');
    await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Detention?' }], stream: false }),
    });
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain('verbatim_http_requests_total{method="GET",route="/api/documents",status="200"} 1');
    expect(text).toContain('verbatim_answers_total{abstained="false",endpoint="chat"} 1');
    expect(text).toMatch(/verbatim_http_request_duration_seconds_bucket\{le="\+Inf",route="\/api\/chat"\} 1/);
    expect(text).toContain('verbatim_abstention_ratio 0');
    expect(text).toContain('verbatim_streams_in_flight 0');
  });

  it('should hide internal error text behind a public message', async () => {
    const test = buildTestApp({ mode: 'throw' });
    const response = await test.app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Detention?' }], stream: false }),
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'answer-failed', message: 'The answer could not be completed.' } });
    expect(test.logs.join('')).toContain('hunter2');
  });

  it('should log each request as one JSON line carrying the request id it sends back', async () => {
    const test = buildTestApp();
    const response = await test.app.request('/api/documents');
    const requestId = response.headers.get('x-request-id');
    const entries = test.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ level: 'info', message: 'request', requestId, path: '/api/documents', status: 200 }));
  });

  it('should answer unknown routes with a JSON 404', async () => {
    const response = await buildTestApp().app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'route-not-found' } });
  });

  it('should send secure headers while letting other sites load widget.js', async () => {
    const { app } = buildTestApp();
    const api = await app.request('/api/documents');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(api.headers.get('x-request-id')).toBeTruthy();
    const widget = await app.request('/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(widget.headers.get('content-type')).toContain('javascript');
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toBe(chatPageSecurityPolicy);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordResilienceSection } from './support/resilience-report.js';
import { scaled } from './support/resilience-mode.js';
import { buildResilienceApp, CANARIES, type ResilienceApp } from './support/resilience-fixture.js';

const validBodies: Record<string, unknown> = {
  '/api/chat': { messages: [{ role: 'user', content: 'What does the resolution say about detention?' }], stream: false },
  '/v1/chat/completions': { model: 'verbatim', messages: [{ role: 'user', content: 'What about migrant children?' }], stream: false },
  '/api/feedback': { answerId: 'unknown', rating: 'up', comment: 'ok' },
  '/api/compare': { left: 'A/RES/74/148', right: 'A/RES/76/172' },
};
const paths = [...Object.keys(validBodies), '/api/documents', '/api/units/A%2FRES%2F76%2F172%3AOP5', '/api/units/%E0%A4%A', '/healthz', '/readyz', '/', '/widget.js', '/metrics'];

/** Replaces one value somewhere in a JSON tree with a random one: the "almost valid" request. */
function mutateJson(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutateJson(child, path.slice(1), replacement);
  return copy;
}

const body = fc.oneof(
  fc.json().map((text) => ({ kind: 'random json', bytes: new TextEncoder().encode(text) })),
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ kind: 'random bytes', bytes })),
  fc.string({ unit: 'grapheme', maxLength: 500 }).map((text) => ({ kind: 'random text', bytes: new TextEncoder().encode(text) })),
  fc
    .tuple(fc.constantFrom(...Object.keys(validBodies)), fc.array(fc.nat(), { maxLength: 4 }), fc.jsonValue())
    .map(([path, where, replacement]) => ({ kind: 'mutated valid', bytes: new TextEncoder().encode(JSON.stringify(mutateJson(validBodies[path], where, replacement))) })),
  fc.constantFrom(...Object.values(validBodies)).map((valid) => ({ kind: 'valid', bytes: new TextEncoder().encode(JSON.stringify(valid)) })),
  fc.constantFrom(...Object.values(validBodies)).map((valid) => ({ kind: 'utf-16 encoded', bytes: new Uint8Array(Buffer.from(JSON.stringify(valid), 'utf16le')) })),
  fc.integer({ min: 16 * 1024, max: 64 * 1024 }).map((size) => ({ kind: 'oversized', bytes: new TextEncoder().encode(JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(size) }] })) })),
);

const oddHeaders = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '', 'application/json; charset=\u00ff'),
    'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x-nonsense'),
    // Mostly no origin (server-to-server), so most requests get past the origin check to the body parser.
    origin: fc.constantFrom('https://evil.example', 'null', 'https://widget.example', '', '', '', '', ''),
    'x-verbatim-key': fc.constantFrom(CANARIES.widgetKey, 'wrong', '', '', '', ''),
    'accept-language': fc.string({ maxLength: 30 }),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 10.0.0.1', ''),
  },
  { requiredKeys: ['content-type'] },
);
// Half the requests carry only a content type, so they reach the body parser and the answer path.
const headers = fc.oneof(fc.record({ 'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16') }), oddHeaders);

describe('HTTP API fuzzing', () => {
  let target: ResilienceApp;
  const statuses = new Map<number, number>();
  const kinds = new Map<string, number>();
  let leaks = 0;

  beforeAll(async () => {
    target = await buildResilienceApp();
  });

  afterAll(async () => {
    await recordResilienceSection({
      key: '4-fuzz-http',
      title: 'Fuzzing: HTTP API',
      figures: {
        requests: [...statuses.values()].reduce((sum, count) => sum + count, 0),
        '5xx responses': [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0),
        'canaries in a response': leaks,
        'status codes seen': [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(', '),
        'bodies by kind': [...kinds].map(([kind, count]) => `${kind}×${count}`).join(', '),
      },
      notes: 'createApp with the real answer service (extractive) over the bundled and poisoned corpus, called through app.request(): random methods and paths, random and mutated JSON, random bytes, UTF-16 bodies, oversized bodies, odd content types and encodings, foreign origins and widget keys. fast-check, fixed seed.',
    });
  });

  it('should never answer 5xx, whatever the body, headers or encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant('POST'), weight: 8 }, { arbitrary: fc.constantFrom('GET', 'PUT', 'OPTIONS', 'DELETE'), weight: 2 }),
        fc.oneof({ arbitrary: fc.constantFrom(...Object.keys(validBodies)), weight: 8 }, { arbitrary: fc.constantFrom(...paths), weight: 2 }),
        body, headers, async (method, path, payload, requestHeaders) => {
        kinds.set(payload.kind, (kinds.get(payload.kind) ?? 0) + 1);
        const cleaned = Object.fromEntries(Object.entries(requestHeaders).filter(([, value]) => value !== ''));
        const response = await target.app.request(path, {
          method,
          headers: cleaned,
          ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: payload.bytes }),
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (Object.values(CANARIES).some((canary) => text.includes(canary))) leaks += 1;
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: scaled(1500, 150), seed: 9 },
    );
    expect(leaks).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './server-test-kit.js';

const endpoints = ['/api/chat', '/v1/chat/completions', '/api/feedback'];

describe('bad input', () => {
  it('should answer arbitrary JSON bodies on every POST endpoint with a 4xx or a success, never a 5xx', async () => {
    const { app } = buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '100000' } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.jsonValue(), async (endpoint, value) => {
        const response = await app.request(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ stream: false, ...(typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { value }) }),
        });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('should answer arbitrary bytes with a clear 4xx', async () => {
    const { app } = buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '100000' } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.uint8Array({ maxLength: 300 }), async (endpoint, bytes) => {
        const response = await app.request(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('should answer odd unit ids and compare queries with 4xx, never 5xx', async () => {
    const { app } = buildTestApp();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (text) => {
        const unit = await app.request(`/api/units/${encodeURIComponent(text)}`);
        expect([200, 400, 404]).toContain(unit.status);
        const compare = await app.request(`/api/compare?from=${encodeURIComponent(text)}&to=A%2FRES%2F76%2F172`);
        expect([200, 400, 404]).toContain(compare.status);
      }),
      { numRuns: 150 },
    );
  });
});

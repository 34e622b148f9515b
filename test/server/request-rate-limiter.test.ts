import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRateLimiterFromConfig, createRequestRateLimiter } from '../../src/server/request-rate-limiter.js';
import { testRedis } from '../storage/test-services.js';

const redis = testRedis();

describe('requestRateLimiter', () => {
  it('should keep separate budgets per address and per key', async () => {
    const limiter = createRequestRateLimiter({ perAddressPerMinute: 2, perKeyPerMinute: 1 });
    const address = [await limiter.consumeForAddress('a'), await limiter.consumeForAddress('a'), await limiter.consumeForAddress('a')];
    expect(address.map((decision) => decision.allowed)).toEqual([true, true, false]);
    expect(address[2]!.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.consumeForAddress('b')).allowed).toBe(true);
    expect((await limiter.consumeForKey('k')).allowed).toBe(true);
    expect((await limiter.consumeForKey('k')).allowed).toBe(false);
  });

  it('should keep limiting in memory when Redis is unreachable', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    unreachable.on('error', () => undefined);
    const limiter = createRequestRateLimiter({ perAddressPerMinute: 1, perKeyPerMinute: 1, redis: unreachable });
    expect((await limiter.consumeForAddress('a')).allowed).toBe(true);
    expect((await limiter.consumeForAddress('a')).allowed).toBe(false);
    await limiter.close();
  });

  it.skipIf(!redis.url)('should share one budget between two limiters on the same Redis', async () => {
    const config = { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: 2, RATE_LIMIT_PER_KEY_PER_MINUTE: 5 };
    const prefix = `test-${randomUUID()}`;
    const first = await createRateLimiterFromConfig(config, prefix);
    const second = await createRateLimiterFromConfig(config, prefix);
    const decisions = [await first.consumeForAddress('x'), await second.consumeForAddress('x'), await first.consumeForAddress('x')];
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false]);
    await first.close();
    await second.close();
  });
});

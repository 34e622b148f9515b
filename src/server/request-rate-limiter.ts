import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.js';

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until a point frees up; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Per-client-address and per-widget-key request budgets (one minute windows). */
export interface RequestRateLimiter {
  consumeForAddress(address: string): Promise<RateLimitDecision>;
  consumeForKey(key: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimiterSettings {
  perAddressPerMinute: number;
  perKeyPerMinute: number;
  /** Shared store for several replicas; each process counts alone without it. */
  redis?: Redis;
  /** Namespaces the Redis keys, so tests (or two deployments on one Redis) do not share budgets. */
  keyPrefix?: string;
}

function buildLimiter(points: number, name: string, settings: RateLimiterSettings): RateLimiterAbstract {
  const keyPrefix = `${settings.keyPrefix ?? 'verbatim'}:${name}`;
  if (!settings.redis) return new RateLimiterMemory({ points, duration: 60, keyPrefix });
  return new RateLimiterRedis({
    storeClient: settings.redis,
    points,
    duration: 60,
    keyPrefix,
    // If Redis is down, keep limiting per process rather than failing open or refusing everyone.
    insuranceLimiter: new RateLimiterMemory({ points, duration: 60, keyPrefix: `${keyPrefix}:insurance` }),
  });
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimitDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

export function createRequestRateLimiter(settings: RateLimiterSettings): RequestRateLimiter {
  const byAddress = buildLimiter(settings.perAddressPerMinute, 'address', settings);
  const byKey = buildLimiter(settings.perKeyPerMinute, 'key', settings);
  return {
    consumeForAddress: (address) => consume(byAddress, address),
    consumeForKey: (key) => consume(byKey, key),
    async close() {
      settings.redis?.disconnect();
    },
  };
}

/** From configuration: connects to REDIS_URL first (so the first requests already share counts). */
export async function createRateLimiterFromConfig(
  config: Pick<Config, 'REDIS_URL' | 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_PER_KEY_PER_MINUTE'>,
  keyPrefix?: string,
): Promise<RequestRateLimiter> {
  let redis: Redis | undefined;
  if (config.REDIS_URL) {
    redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // Connection errors are retried by ioredis and covered by the insurance limiter; do not crash.
    redis.on('error', () => undefined);
    await redis.connect();
  }
  return createRequestRateLimiter({
    perAddressPerMinute: config.RATE_LIMIT_PER_MINUTE,
    perKeyPerMinute: config.RATE_LIMIT_PER_KEY_PER_MINUTE,
    ...(redis ? { redis } : {}),
    ...(keyPrefix ? { keyPrefix } : {}),
  });
}

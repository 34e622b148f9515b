import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServerServices } from './app-dependencies.js';
import { clientAddress } from './client-address.js';
import { describeError } from './json-logger.js';
import { decideOrigin } from './origin-policy.js';
import { AnswerRefusedError } from './answer-session.js';
import { PublicError } from './public-error.js';

/** Refuses cross-origin callers the policy does not allow (CORS headers alone would still run the work). */
export function originCheck(services: ServerServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const decision = decideOrigin(services.originPolicy, {
      origin: c.req.header('origin'),
      host: c.req.header('host'),
      key: c.req.header('x-verbatim-key'),
    });
    if (!decision.allowed) throw new PublicError(decision.code);
    if (decision.key) c.set('widgetKey', decision.key);
    return next();
  };
}

/** Per-address, then per-widget-key budgets; a store failure lets the request through and is logged. */
export function rateLimit(services: ServerServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const checks: Array<['address' | 'key', () => ReturnType<ServerServices['rateLimiter']['consumeForAddress']>]> = [
      ['address', () => services.rateLimiter.consumeForAddress(clientAddress(c, services.config.TRUST_PROXY))],
    ];
    const key = c.get('widgetKey');
    if (key) checks.push(['key', () => services.rateLimiter.consumeForKey(key)]);
    for (const [scope, consume] of checks) {
      let decision;
      try {
        decision = await consume();
      } catch (error) {
        services.logger.warn('rate limiter unavailable', { scope, ...describeError(error) });
        continue;
      }
      if (!decision.allowed) {
        services.metrics.rateLimited.increment({ scope });
        throw new PublicError('rate-limited', undefined, decision.retryAfterSeconds);
      }
    }
    return next();
  };
}

/** Answers and documents need the index; until it loads, say so with a 503 the client can retry. */
export function requireReady(services: ServerServices): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (services.readiness.isDraining()) throw new PublicError('shutting-down', undefined, 5);
    if (!services.readiness.isReady()) throw new PublicError('not-ready', undefined, 5);
    return next();
  };
}

/**
 * Refuses an answer request before its body is parsed or validated when admission control would refuse
 * it anyway: under a flood, each refusal must cost as little as possible or refusing becomes the overload.
 */
export function shedWhenSaturated(services: ServerServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refusal = services.admission.refusal();
    if (refusal) {
      services.metrics.loadShed.increment({ reason: refusal.reason });
      // Read (not parse) the body: answering before it is consumed makes Node close the keep-alive
      // connection, and the client's next request on it fails instead of being refused.
      await c.req.arrayBuffer().catch(() => undefined);
      throw new AnswerRefusedError(refusal.reason, refusal.retryAfterSeconds);
    }
    return next();
  };
}

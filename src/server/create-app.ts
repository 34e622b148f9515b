import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { createWebRoutes } from './web/web-routes.js';
import type { AppDependencies, AppEnv, ServerServices } from './app-dependencies.js';
import { AnswerAdmission } from './answer-admission.js';
import { createChatRoutes } from './chat-routes.js';
import { createDocumentRoutes } from './document-routes.js';
import { createFeedbackRoutes } from './feedback-routes.js';
import { createHealthRoutes } from './health-routes.js';
import { createInFlightStreams } from './in-flight-streams.js';
import { describeError } from './json-logger.js';
import { createOpenAiRoutes } from './openai-routes.js';
import { createOriginPolicy } from './origin-policy.js';
import { originCheck, rateLimit, requireReady, shedWhenSaturated } from './protection-middleware.js';
import { PublicError, publicErrorResponse } from './public-error.js';
import { ServerMetrics } from './server-metrics.js';

export const maxBodyBytes = 16 * 1024;

/** Files other sites load with a plain <script>/<link>; CORP same-origin would block them. */
const crossOriginAssets = new Set(['/widget.js', '/favicon.svg']);

/** Builds the whole HTTP app without listening, so tests can call `app.request()`. */
export function createApp(dependencies: AppDependencies): Hono<AppEnv> {
  const services: ServerServices = {
    ...dependencies,
    metrics: dependencies.metrics ?? new ServerMetrics(),
    inFlight: dependencies.inFlight ?? createInFlightStreams(),
    admission: new AnswerAdmission({
      concurrency: dependencies.config.MAX_CONCURRENT_ANSWERS,
      maxWaiting: dependencies.config.MAX_QUEUED_ANSWERS,
      maxWaitMs: dependencies.config.MAX_QUEUE_WAIT_MS,
      clock: () => performance.now(),
    }),
    originPolicy: createOriginPolicy(dependencies.config.ALLOWED_ORIGINS, dependencies.config.WIDGET_KEYS),
  };
  const { logger, metrics } = services;
  metrics.watchAdmission(services.admission);
  const app = new Hono<AppEnv>();

  app.use(requestId({ generator: () => services.createId() }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // Unmatched paths share one label so scanners cannot blow up the metric's cardinality.
    const matched = c.res.status === 404 && !c.req.path.startsWith('/api/') ? 'unmatched' : routePath(c, -1);
    const route = matched === '/*' || matched === '*' ? 'unmatched' : matched;
    metrics.requests.increment({ route, method: c.req.method, status: String(c.res.status) });
    metrics.requestDuration.observe(seconds, { route });
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(seconds * 1000),
    });
  });
  app.use(async (c, next) => {
    await next();
    if (crossOriginAssets.has(c.req.path)) c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  // overwrite: false keeps headers a route chose itself (the page's CSP and Referrer-Policy, widget.js's CORP).
  app.use(
    secureHeaders({ crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: 'same-origin', xFrameOptions: 'SAMEORIGIN', overwrite: false }),
  );

  const apiCors = cors({
    origin: (origin) => (services.originPolicy.corsOrigins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'X-Verbatim-Key', 'Authorization'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  for (const prefix of ['/api/*', '/v1/*']) {
    app.use(prefix, apiCors, originCheck(services));
  }
  app.use(bodyLimit({ maxSize: maxBodyBytes, onError: () => { throw new PublicError('body-too-large'); } }));
  for (const path of ['/api/chat', '/v1/chat/completions']) {
    app.on('POST', path, shedWhenSaturated(services));
  }
  for (const path of ['/api/chat', '/v1/chat/completions', '/api/documents', '/api/units/*', '/api/compare']) {
    app.use(path, requireReady(services));
  }
  for (const path of ['/api/chat', '/v1/chat/completions', '/api/feedback']) {
    app.on('POST', path, rateLimit(services));
  }

  app.route('/', createHealthRoutes(services));
  app.route('/', createChatRoutes(services));
  app.route('/', createOpenAiRoutes(services));
  app.route('/', createDocumentRoutes(services));
  app.route('/', createFeedbackRoutes(services));
  app.route('/', createWebRoutes());

  app.notFound((c) => publicErrorResponse(c, new PublicError('route-not-found')));
  app.onError((error, c) => {
    if (error instanceof PublicError) return publicErrorResponse(c, error);
    logger.error('unhandled error', { requestId: c.get('requestId'), ...describeError(error) });
    return publicErrorResponse(c, new PublicError('internal'));
  });
  return app;
}

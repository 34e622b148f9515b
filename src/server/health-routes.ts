import { Hono } from 'hono';
import type { AppEnv, ServerServices } from './app-dependencies.js';

/** `GET /healthz` (the process answers), `GET /readyz` (the index is loaded), `GET /metrics`. */
export function createHealthRoutes(services: ServerServices): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', (c) => {
    if (services.readiness.isReady()) return c.json({ status: 'ready' });
    c.header('Retry-After', '5');
    return c.json({ status: services.readiness.isDraining() ? 'draining' : 'loading' }, 503);
  });
  routes.get('/metrics', (c) => {
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(services.metrics.render());
  });
  return routes;
}

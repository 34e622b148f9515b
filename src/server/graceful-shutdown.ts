import type { InFlightStreams } from './in-flight-streams.js';
import type { Logger } from './json-logger.js';
import type { Readiness } from './readiness.js';
import type { RunningServer } from './start-server.js';

export interface ShutdownPlan {
  server: RunningServer;
  readiness: Readiness;
  inFlight: InFlightStreams;
  logger: Logger;
  /** How long open answer streams may run on before they are cut short. */
  drainTimeoutMs: number;
  /** Stores to close last (repository, rate limiter, …). */
  closers: Array<() => Promise<void>>;
}

/**
 * A finished stream's socket still has its last bytes to flush and then idles in keep-alive; close
 * connections as they go idle, and only tear down what is left after a short bound.
 */
async function closeConnections(server: RunningServer, closed: Promise<void>): Promise<void> {
  const sweep = setInterval(() => server.server.closeIdleConnections(), 25);
  const bound = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
  await Promise.race([closed, bound]);
  clearInterval(sweep);
  server.server.closeAllConnections();
  await closed;
}

/**
 * Stop taking work (readiness flips first so a load balancer drains us), let open streams finish up
 * to the bound, then close the listener and the stores. Safe to call more than once.
 */
export function createShutdown(plan: ShutdownPlan): (signal: string) => Promise<void> {
  let running: Promise<void> | undefined;
  return (signal) => {
    running ??= (async () => {
      plan.logger.info('shutting down', { signal, openStreams: plan.inFlight.count });
      plan.readiness.markDraining();
      const closed = plan.server.close();
      await plan.inFlight.drain(plan.drainTimeoutMs);
      await closeConnections(plan.server, closed);
      for (const close of plan.closers) {
        await close().catch((error: unknown) => plan.logger.error('close failed', { error: String(error) }));
      }
      plan.logger.info('stopped');
    })();
    return running;
  };
}

import { randomUUID } from 'node:crypto';
import { createAnswerService } from './answer/create-answer-service.js';
import { ConfigError, loadConfig } from './config.js';
import { createEmbedder } from './retrieval/create-embedder.js';
import { createIngestEmbedder, type IngestEmbedder } from './retrieval/create-ingest-embedder.js';
import type { Embedder } from './retrieval/embedder.js';
import { ensureSearchIndex } from './retrieval/ensure-search-index.js';
import { createApp } from './server/create-app.js';
import { createDeferredServices } from './server/deferred-services.js';
import { createShutdown } from './server/graceful-shutdown.js';
import { createInFlightStreams } from './server/in-flight-streams.js';
import { createJsonLogger, describeError } from './server/json-logger.js';
import { createReadiness } from './server/readiness.js';
import { createRateLimiterFromConfig } from './server/request-rate-limiter.js';
import { startServer } from './server/start-server.js';
import { createAnswerRepository } from './storage/create-answer-repository.js';

/**
 * `npm start`: listen at once (so /healthz and /readyz answer), then load — or first build — the
 * index and flip readiness. SIGTERM/SIGINT drain open streams before closing the stores.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createJsonLogger(config.LOG_LEVEL);
  const repository = await createAnswerRepository(config);
  const rateLimiter = await createRateLimiterFromConfig(config);
  const readiness = createReadiness();
  const inFlight = createInFlightStreams();
  const deferred = createDeferredServices();
  const app = createApp({
    answerService: deferred.answerService,
    corpus: deferred.corpus,
    repository,
    rateLimiter,
    config,
    clock: () => new Date(),
    createId: () => randomUUID(),
    logger,
    readiness,
    inFlight,
  });
  const server = await startServer(app, { port: config.PORT, host: config.HOST });
  const displayHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.info(`Verbatim listening on http://${displayHost}:${server.port}`, {
    url: `http://${displayHost}:${server.port}`,
    storage: config.DATABASE_URL ? 'postgresql' : 'sqlite',
    rateLimits: config.REDIS_URL ? 'redis' : 'memory',
  });

  const shutdown = createShutdown({
    server,
    readiness,
    inFlight,
    logger,
    drainTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    closers: [() => repository.close(), () => rateLimiter.close()],
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void shutdown(signal).then(() => process.exit(0));
    });
  }

  const started = performance.now();
  const embedder = await createEmbedder(config);
  // The worker pool pays off only when there is a corpus to ingest, so it starts on first use.
  let ingestPool: Promise<IngestEmbedder> | undefined;
  const ingestEmbedder: Embedder = {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    embed: async (texts) => (await (ingestPool ??= createIngestEmbedder(config))).embed(texts),
  };
  const index = await ensureSearchIndex(config, embedder, (message) => logger.info(message), { ingestEmbedder });
  if (ingestPool) await (await ingestPool).close();
  const answerService = await createAnswerService({ index, embedder, config });
  deferred.resolve(answerService, index.corpus);
  readiness.markReady();
  logger.info('ready', { documents: index.corpus.documents().length, chunks: index.chunks.length, loadMs: Math.round(performance.now() - started) });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${JSON.stringify({ level: 'error', message: 'startup failed', ...describeError(error) })}\n`);
  }
  process.exit(1);
});

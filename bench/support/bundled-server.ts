import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerService } from '../../src/answer/create-answer-service.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Embedder } from '../../src/retrieval/embedder.js';
import { createEmbedder } from '../../src/retrieval/create-embedder.js';
import { ensureSearchIndex } from '../../src/retrieval/ensure-search-index.js';
import type { SearchIndex } from '../../src/retrieval/search-index.js';
import { createApp } from '../../src/server/create-app.js';
import { createJsonLogger } from '../../src/server/json-logger.js';
import { createReadiness } from '../../src/server/readiness.js';
import { createRequestRateLimiter } from '../../src/server/request-rate-limiter.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { openSqliteAnswerRepository } from '../../src/storage/sqlite-answer-repository.js';

export interface BundledServer {
  server: RunningServer;
  url: string;
  index: SearchIndex;
  embedder: Embedder;
  config: Config;
}

/**
 * The real server over the bundled corpus (index built once under data/bench/bundled-index with the
 * bundled encoder), rate limits raised so the benchmark measures the work, not the limiter.
 */
export async function startBundledServer(options: { environment?: Record<string, string>; queryCache?: boolean } = {}): Promise<BundledServer> {
  const config = loadConfig({
    INDEX_DIR: 'data/bench/bundled-index',
    CORPUS_DIR: 'corpus',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    RATE_LIMIT_PER_KEY_PER_MINUTE: '1000000000',
    ...options.environment,
  });
  const embedder = await createEmbedder(config, { cache: options.queryCache !== false });
  const index = await ensureSearchIndex(config, embedder);
  const answerService = createAnswerService({ index, embedder, config });
  const app = createApp({
    answerService,
    corpus: index.corpus,
    // A file, as in production: an in-memory database would count every stored answer as server RSS.
    repository: openSqliteAnswerRepository(join(mkdtempSync(join(tmpdir(), 'verbatim-bench-db-')), 'answers.sqlite')),
    rateLimiter: createRequestRateLimiter({ perAddressPerMinute: config.RATE_LIMIT_PER_MINUTE, perKeyPerMinute: config.RATE_LIMIT_PER_KEY_PER_MINUTE }),
    config,
    clock: () => new Date(),
    createId: () => randomUUID(),
    logger: createJsonLogger('silent'),
    readiness: createReadiness(true),
  });
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  return { server, url: `http://127.0.0.1:${server.port}`, index, embedder, config };
}

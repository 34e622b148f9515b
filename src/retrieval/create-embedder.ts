import type { Config } from '../config.js';
import { withEmbeddingCache } from './cached-embedder.js';
import type { Embedder } from './embedder.js';
import { createOpenAiEmbedder, type OpenAiEmbedderOptions } from './openai-embedder.js';
import { createParallelEmbedder } from './parallel-embedder.js';
import { createRespawningEmbedder } from './respawning-embedder.js';

/** The bundled encoder in one worker thread, replaced if that thread ever dies. */
async function createQueryEncoder(): Promise<Embedder> {
  const spawn = () => createParallelEmbedder({ workers: 1, unrefWhenIdle: true });
  return createRespawningEmbedder(await spawn(), spawn, { clock: () => performance.now() });
}

/** The OpenAI-compatible endpoint settings of `EMBEDDINGS=openai`. */
export function openAiEmbedderOptions(config: Config): OpenAiEmbedderOptions {
  if (!config.EMBEDDINGS_BASE_URL) throw new Error('EMBEDDINGS=openai needs EMBEDDINGS_BASE_URL.');
  return {
    baseURL: config.EMBEDDINGS_BASE_URL,
    model: config.EMBEDDINGS_MODEL,
    ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
  };
}

/**
 * The query-time embedder chosen by `EMBEDDINGS`: an OpenAI-compatible endpoint, or the bundled encoder
 * in a worker thread — ~20 ms of CPU per query that would otherwise block the server's event loop while
 * the other core could answer from the cache, search and compose; queries that arrive together share
 * one encoder call. Behind a small cache, since chat users repeat queries.
 */
export async function createEmbedder(config: Config, options: { cache?: boolean } = {}): Promise<Embedder> {
  const embedder = config.EMBEDDINGS === 'openai' ? await createOpenAiEmbedder(openAiEmbedderOptions(config)) : await createQueryEncoder();
  // Without the cache only for benchmarks that measure every query's encoder call.
  return options.cache === false ? embedder : withEmbeddingCache(embedder);
}

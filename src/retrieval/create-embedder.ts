import type { Config } from '../config.js';
import { withEmbeddingCache } from './cached-embedder.js';
import type { Embedder } from './embedder.js';
import { createLocalEmbedder } from './local-embedder.js';
import { createOpenAiEmbedder, type OpenAiEmbedderOptions } from './openai-embedder.js';

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
 * The query-time embedder chosen by `EMBEDDINGS`: the bundled encoder or an OpenAI-compatible endpoint,
 * behind a small cache since chat users repeat queries.
 */
export async function createEmbedder(config: Config): Promise<Embedder> {
  const embedder = config.EMBEDDINGS === 'openai' ? await createOpenAiEmbedder(openAiEmbedderOptions(config)) : await createLocalEmbedder();
  return withEmbeddingCache(embedder);
}

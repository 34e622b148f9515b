import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmbedder } from '../../src/retrieval/create-embedder.js';
import { createIngestEmbedder } from '../../src/retrieval/create-ingest-embedder.js';
import { LOCAL_EMBEDDER_MODEL_ID } from '../../src/retrieval/local-embedder.js';
import { startEmbeddingsStandIn } from './embeddings-stand-in.js';

describe('createEmbedder', () => {
  it('should use the bundled encoder by default', async () => {
    const embedder = await createEmbedder(loadConfig({}));
    expect(embedder.modelId).toBe(LOCAL_EMBEDDER_MODEL_ID);
    expect(embedder.dimension).toBe(512);
  });

  it('should use the OpenAI-compatible endpoint when EMBEDDINGS=openai, for queries and ingest alike', async () => {
    const standIn = await startEmbeddingsStandIn(12);
    try {
      const config = loadConfig({ EMBEDDINGS: 'openai', EMBEDDINGS_BASE_URL: standIn.baseURL, EMBEDDINGS_MODEL: 'stand-in-embed' });
      const query = await createEmbedder(config);
      const ingest = await createIngestEmbedder(config);
      expect(query.modelId).toBe('openai-compatible:stand-in-embed');
      expect(ingest.modelId).toBe(query.modelId);
      expect(query.dimension).toBe(12);
      const [fromQuery] = await query.embed(['same text']);
      const [fromIngest] = await ingest.embed(['same text']);
      expect(Array.from(fromQuery!)).toEqual(Array.from(fromIngest!));
      expect(standIn.received.every((request) => request.model === 'stand-in-embed')).toBe(true);
      await ingest.close();
    } finally {
      await standIn.close();
    }
  });
});

import type { Embedder } from './embedder.js';

/**
 * Wraps an embedder with a small least-recently-used cache keyed by text: chat users repeat and
 * rephrase-back to the same queries, and the encoder costs ~20 ms per query on CPU.
 */
export function withEmbeddingCache(embedder: Embedder, capacity = 512): Embedder {
  // A Map iterates in insertion order, so re-inserting on hit keeps the oldest entry first.
  const cache = new Map<string, Float32Array>();
  const remember = (text: string, vector: Float32Array): void => {
    cache.delete(text);
    cache.set(text, vector);
    while (cache.size > capacity) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
  };
  return {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    async embed(texts) {
      const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
      if (missing.length > 0) {
        const vectors = await embedder.embed(missing);
        missing.forEach((text, index) => remember(text, vectors[index]!));
      }
      return texts.map((text) => {
        const vector = cache.get(text);
        if (!vector) throw new Error('embedding cache lost a vector it just stored');
        remember(text, vector);
        // A copy, so a caller that mutates its result cannot poison later hits.
        return vector.slice();
      });
    },
  };
}

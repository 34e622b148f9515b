import { createHash } from 'node:crypto';
import type { Embedder } from '../../src/retrieval/embedder.js';

/**
 * Deterministic, offline stand-in for the sentence encoder: hashes lower-cased word tokens into a
 * fixed number of buckets and L2-normalises, so texts sharing words are close. Not a real encoder.
 */
export function createFakeEmbedder(dimension = 64): Embedder & { calls: number } {
  const embedder = {
    modelId: `fake-hashing-${dimension}`,
    dimension,
    calls: 0,
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      embedder.calls += 1;
      return texts.map((text) => {
        const vector = new Float32Array(dimension);
        for (const token of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
          const digest = createHash('sha1').update(token).digest();
          vector[digest.readUInt32BE(0) % dimension]! += 1;
        }
        const norm = Math.hypot(...vector) || 1;
        return vector.map((value) => value / norm);
      });
    },
  };
  return embedder;
}

import { describe, expect, it } from 'vitest';
import { createLocalEmbedder, LOCAL_EMBEDDER_MODEL_ID } from '../../src/retrieval/local-embedder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

describe('createLocalEmbedder', () => {
  it('should give 512-dimension unit vectors that place related sentences closer than unrelated ones', async () => {
    const embedder = await createLocalEmbedder();
    expect(embedder.modelId).toBe(LOCAL_EMBEDDER_MODEL_ID);
    expect(embedder.dimension).toBe(512);
    const [detention, custody, budget] = await embedder.embed([
      'States should end the immigration detention of children.',
      'Migrant minors must not be held in custody.',
      'The programme budget for the biennium was approved.',
    ]);
    for (const vector of [detention!, custody!, budget!]) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(512);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 4);
    }
    expect(dot(detention!, custody!)).toBeGreaterThan(dot(detention!, budget!));
  });

  it('should embed an empty text and batches larger than its internal batch size', async () => {
    const embedder = await createLocalEmbedder();
    const texts = Array.from({ length: 70 }, (_, index) => (index === 3 ? '' : `paragraph ${index}`));
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(70);
    expect(vectors.every((vector) => vector.every(Number.isFinite))).toBe(true);
    // Same text, same vector, whether alone or in a batch.
    const [alone] = await embedder.embed(['paragraph 69']);
    expect(dot(alone!, vectors[69]!)).toBeCloseTo(1, 4);
  });
});

import { describe, expect, it } from 'vitest';
import { createLocalEmbedder, distinctTexts, lengthOrder, spreadVectors, LOCAL_EMBEDDER_BATCH_SIZE, LOCAL_EMBEDDER_MODEL_ID } from '../../src/retrieval/local-embedder.js';

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

  it('should return each vector at its text\'s position although the encoder sees the texts shortest first', async () => {
    const embedder = await createLocalEmbedder();
    const texts = Array.from({ length: LOCAL_EMBEDDER_BATCH_SIZE * 2 + 3 }, (_, index) =>
      `Paragraph ${index} ${'urges Member States to protect the rights of migrants '.repeat((index * 7) % 5)}`.trim(),
    );
    const together = await embedder.embed(texts);
    for (const index of [0, 1, 4, 9, 18]) {
      const [alone] = await embedder.embed([texts[index]!]);
      expect(dot(alone!, together[index]!)).toBeCloseTo(1, 4);
    }
  });
});

describe('lengthOrder', () => {
  it('should list positions shortest text first, keeping input order among equal lengths', () => {
    expect(lengthOrder(['ccc', 'a', 'bb', 'd', ''])).toEqual([4, 1, 3, 2, 0]);
  });
});

describe('distinctTexts', () => {
  it('should keep each text once and say where every position finds its text', () => {
    const { distinct, slots } = distinctTexts(['b', 'a', 'b', 'c', 'a']);
    expect(distinct).toEqual(['b', 'a', 'c']);
    expect(slots).toEqual([0, 1, 0, 2, 1]);
  });
});

describe('spreadVectors', () => {
  it('should give a repeated text an equal but separate vector', () => {
    const spread = spreadVectors([Float32Array.of(1, 0), Float32Array.of(0, 1)], [0, 1, 0]);
    expect(spread.map((vector) => Array.from(vector))).toEqual([[1, 0], [0, 1], [1, 0]]);
    spread[2]![0] = 5;
    expect(spread[0]![0]).toBe(1);
  });
});

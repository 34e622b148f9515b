import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiEmbedder } from '../../src/retrieval/openai-embedder.js';
import { standInVector, startEmbeddingsStandIn, type StandInRequest } from './embeddings-stand-in.js';

let received: StandInRequest[];
let baseURL: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ baseURL, received, close } = await startEmbeddingsStandIn());
});

afterAll(() => close());

describe('createOpenAiEmbedder', () => {
  it('should learn the dimension from one probe call when none is configured', async () => {
    const embedder = await createOpenAiEmbedder({ baseURL, apiKey: 'test-key', model: 'stand-in-model' });
    expect(embedder.dimension).toBe(8);
    expect(embedder.modelId).toBe('openai-compatible:stand-in-model');
    expect(received.at(-1)?.authorization).toBe('Bearer test-key');
  });

  it('should return unit vectors in input order, whatever order the server answers in', async () => {
    const embedder = await createOpenAiEmbedder({ baseURL, model: 'stand-in-model', dimension: 8 });
    const texts = ['a', 'abc', 'abcdef'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(3);
    vectors.forEach((vector, index) => {
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
      const expected = standInVector(texts[index]!, 8);
      const norm = Math.hypot(...expected);
      expect(vector[0]).toBeCloseTo(expected[0]! / norm, 5);
    });
    expect(received.at(-1)).toMatchObject({ model: 'stand-in-model', encoding_format: 'float', dimensions: 8 });
  });

  it('should split large inputs into batches', async () => {
    const embedder = await createOpenAiEmbedder({ baseURL, model: 'stand-in-model', dimension: 8, batchSize: 2 });
    const before = received.length;
    const vectors = await embedder.embed(['one', 'two', 'three', 'four', 'five']);
    expect(vectors).toHaveLength(5);
    expect(received.slice(before).map((request) => request.input.length)).toEqual([2, 2, 1]);
  });

  it('should fail clearly when the endpoint is wrong', async () => {
    await expect(createOpenAiEmbedder({ baseURL: `${baseURL}/missing`, model: 'm', maxRetries: 0 })).rejects.toThrow(/404/);
  });
});

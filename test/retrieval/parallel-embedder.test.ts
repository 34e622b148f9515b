import { describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '../../src/retrieval/local-embedder.js';
import { createParallelEmbedder } from '../../src/retrieval/parallel-embedder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

describe('createParallelEmbedder', () => {
  it('should give the same vectors as the in-process encoder, in input order, across two workers', async () => {
    const texts = Array.from({ length: 10 }, (_, index) => `Operative paragraph ${index} calls upon States to protect migrants number ${index * 7}.`);
    const parallel = await createParallelEmbedder({ workers: 2, sliceSize: 3 });
    try {
      expect(parallel.workers).toBe(2);
      expect(parallel.dimension).toBe(512);
      const [fromPool, fromProcess] = await Promise.all([parallel.embed(texts), createLocalEmbedder().then((local) => local.embed(texts))]);
      expect(fromPool).toHaveLength(texts.length);
      fromPool.forEach((vector, index) => expect(dot(vector, fromProcess[index]!)).toBeCloseTo(1, 4));
    } finally {
      await parallel.close();
    }
  });

  it('should refuse work after close', async () => {
    const parallel = await createParallelEmbedder({ workers: 1 });
    await parallel.close();
    await expect(parallel.embed(['text'])).rejects.toThrow(/closed/);
  });
});

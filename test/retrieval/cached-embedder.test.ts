import { describe, expect, it } from 'vitest';
import { withEmbeddingCache } from '../../src/retrieval/cached-embedder.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';

describe('withEmbeddingCache', () => {
  it('should embed a repeated text only once', async () => {
    const inner = createFakeEmbedder(16);
    const cached = withEmbeddingCache(inner, 4);
    const first = await cached.embed(['detention of migrants']);
    const second = await cached.embed(['detention of migrants']);
    expect(inner.calls).toBe(1);
    expect(Array.from(second[0]!)).toEqual(Array.from(first[0]!));
  });

  it('should keep results in input order when some texts are cached', async () => {
    const inner = createFakeEmbedder(16);
    const cached = withEmbeddingCache(inner, 4);
    await cached.embed(['b']);
    const [a, b, c] = await cached.embed(['a', 'b', 'c']);
    const direct = await inner.embed(['a', 'b', 'c']);
    expect([a, b, c].map((vector) => Array.from(vector!))).toEqual(direct.map((vector) => Array.from(vector)));
  });

  it('should evict the least recently used text beyond its capacity', async () => {
    const inner = createFakeEmbedder(16);
    const cached = withEmbeddingCache(inner, 2);
    await cached.embed(['one']);
    await cached.embed(['two']);
    await cached.embed(['one']); // refreshes "one"
    await cached.embed(['three']); // evicts "two"
    const before = inner.calls;
    await cached.embed(['one']);
    expect(inner.calls).toBe(before);
    await cached.embed(['two']);
    expect(inner.calls).toBe(before + 1);
  });

  it('should not let a caller mutate a cached vector', async () => {
    const cached = withEmbeddingCache(createFakeEmbedder(16), 4);
    const [vector] = await cached.embed(['text']);
    vector!.fill(0);
    const [again] = await cached.embed(['text']);
    expect(again!.some((value) => value !== 0)).toBe(true);
  });
});

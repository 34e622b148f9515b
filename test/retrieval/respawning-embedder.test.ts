import { describe, expect, it } from 'vitest';
import { createRespawningEmbedder, type BreakableEmbedder } from '../../src/retrieval/respawning-embedder.js';

/** A fake worker-backed embedder: embeds to [generation], or fails once `broken` is set. */
function fakeEmbedder(generation: number): BreakableEmbedder & { broken: boolean; closed: boolean } {
  return {
    modelId: 'fake',
    dimension: 1,
    broken: false,
    closed: false,
    async embed(texts) {
      if (this.broken) throw new Error(`generation ${generation} is broken`);
      return texts.map(() => Float32Array.of(generation));
    },
    async close() {
      this.closed = true;
    },
  };
}

describe('createRespawningEmbedder', () => {
  it('should keep using the first embedder while it works', async () => {
    let created = 0;
    const embedder = createRespawningEmbedder(fakeEmbedder(1), async () => fakeEmbedder(2 + created++), { clock: () => 0 });
    expect(Array.from((await embedder.embed(['a']))[0]!)).toEqual([1]);
    expect(Array.from((await embedder.embed(['b']))[0]!)).toEqual([1]);
    expect(created).toBe(0);
  });

  it('should replace a broken embedder with a fresh one and close the broken one', async () => {
    const first = fakeEmbedder(1);
    const embedder = createRespawningEmbedder(first, async () => fakeEmbedder(2), { clock: () => 0 });
    first.broken = true;
    expect(Array.from((await embedder.embed(['a']))[0]!)).toEqual([2]);
    expect(first.closed).toBe(true);
  });

  it('should share one respawn between concurrent calls', async () => {
    const first = fakeEmbedder(1);
    let created = 0;
    const embedder = createRespawningEmbedder(first, async () => fakeEmbedder(2 + created++), { clock: () => 0 });
    first.broken = true;
    const results = await Promise.all([embedder.embed(['a']), embedder.embed(['b']), embedder.embed(['c'])]);
    expect(results.map((vectors) => vectors[0]![0])).toEqual([2, 2, 2]);
    expect(created).toBe(1);
  });

  it('should fail fast after a failed respawn and try again once the delay has passed', async () => {
    const first = fakeEmbedder(1);
    let now = 0;
    let attempts = 0;
    const embedder = createRespawningEmbedder(
      first,
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('model failed to load');
        return fakeEmbedder(9);
      },
      { clock: () => now, retryDelayMs: 1_000 },
    );
    first.broken = true;
    await expect(embedder.embed(['a'])).rejects.toThrow('model failed to load');
    now = 500;
    await expect(embedder.embed(['a'])).rejects.toThrow('model failed to load');
    expect(attempts).toBe(1);
    now = 1_500;
    expect(Array.from((await embedder.embed(['a']))[0]!)).toEqual([9]);
    expect(attempts).toBe(2);
  });
});

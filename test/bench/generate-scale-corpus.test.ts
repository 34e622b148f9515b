import { describe, expect, it } from 'vitest';
import { assembleUnits, deriveUnitVectors, generateScaleCorpus, loadSentencePool, splitSentences } from '../../bench/generate-scale-corpus.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('scale corpus generator', () => {
  it('should split resolution text into sentences of 40 to 400 characters', () => {
    const text = 'The Security Council,\n\nRecalling its resolution 242 (1967) on the situation in the Middle East and the principles it sets out;\nDecides to remain actively seized of the matter and to review it at regular intervals. Short.';
    const sentences = splitSentences(text);
    expect(sentences).toEqual([
      'Recalling its resolution 242 (1967) on the situation in the Middle East and the principles it sets out;',
      'Decides to remain actively seized of the matter and to review it at regular intervals.',
    ]);
  });

  it('should assemble the same units for the same seed, each from sentences of one document', async () => {
    const pool = await loadSentencePool();
    expect(pool.sentences.length).toBeGreaterThan(5_000);
    const first = assembleUnits(pool, 500, 3);
    const second = assembleUnits(pool, 500, 3);
    expect(first).toEqual(second);
    expect(new Set(first.unitIds).size).toBe(500);
    for (const [unit, sources] of first.sources.entries()) {
      expect(new Set(sources.map((sentence) => pool.documentOfSentence[sentence])).size).toBe(1);
      expect(first.texts[unit]).toBe(sources.map((sentence) => pool.sentences[sentence]).join(' '));
    }
  });

  it('should derive normalised unit vectors closest to the sentences they mix', () => {
    const dimension = 4;
    const pool = new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    const vectors = deriveUnitVectors([[0, 1], [2]], pool, dimension);
    const first = vectors.subarray(0, 4);
    expect(Math.hypot(...first)).toBeCloseTo(1, 5);
    expect(first[0]!).toBeGreaterThan(0.4);
    expect(first[1]!).toBeGreaterThan(0.4);
    expect(first[2]).toBe(0);
    expect(Array.from(vectors.subarray(4, 8))).toEqual([0, 0, 1, 0]);
  });

  it('should embed small corpora with the encoder and cache the vectors', async () => {
    const embedder = createFakeEmbedder(16);
    const cacheDirectory = await mkdtemp(join(tmpdir(), 'verbatim-scale-'));
    const corpus = await generateScaleCorpus({ size: 200, embedder, cacheDirectory });
    expect(corpus.method).toBe('encoder');
    expect(corpus.vectors.length).toBe(200 * 16);
    const calls = embedder.calls;
    const again = await generateScaleCorpus({ size: 200, embedder, cacheDirectory });
    expect(embedder.calls).toBe(calls);
    expect(Array.from(again.vectors)).toEqual(Array.from(corpus.vectors));
  });
});

import { describe, expect, it } from 'vitest';
import { packVectors } from '../../src/retrieval/in-memory-search-index.js';
import { VectorIndex } from '../../src/retrieval/vector-index.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';
import { fixtureChunks } from './search-fixtures.js';

const embedder = createFakeEmbedder(64);
const vectors = await embedder.embed(fixtureChunks.map((chunk) => chunk.text));
const unitIds = fixtureChunks.map((chunk) => chunk.unitId);
const index = VectorIndex.build(packVectors(vectors, 64), 64, unitIds);
const query = async (text: string) => (await embedder.embed([text]))[0]!;

describe('VectorIndex', () => {
  it('should return the unit whose text is closest to the query, with cosine similarity as score', async () => {
    const hits = index.search(await query('arbitrary detention of migrants alternatives to detention'), 3);
    expect(hits[0]!.unitId).toBe('A/RES/76/172:OP1');
    expect(hits[0]!.score).toBeGreaterThan(0.5);
    expect(hits[0]!.score).toBeLessThanOrEqual(1.0001);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('should give one hit per unit, scored by its best chunk', async () => {
    const hits = index.search(await query('Also stresses the best interests of the child in all decisions'), unitIds.length);
    const units = hits.map((hit) => hit.unitId);
    expect(new Set(units).size).toBe(units.length);
    expect(units[0]).toBe('A/RES/76/172:OP2');
    expect(hits[0]!.score).toBeCloseTo(1, 5);
  });

  it('should return every unit when k exceeds the number of units', async () => {
    const hits = index.search(await query('States'), 100);
    expect(hits).toHaveLength(new Set(unitIds).size);
  });

  it('should apply the filter', async () => {
    const only2019 = (unitId: string) => unitId.startsWith('A/RES/74/148:');
    const hits = index.search(await query('arbitrary detention of migrants'), 5, only2019);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => only2019(hit.unitId))).toBe(true);
  });

  it('should apply the filter on the graph search too, when the filter keeps many chunks', async () => {
    const graphOnly = VectorIndex.build(packVectors(vectors, 64), 64, unitIds, { m: 16, efConstruction: 200, efSearch: 64, seed: 42, exactFilterLimit: 0 });
    const only2019 = (unitId: string) => unitId.startsWith('A/RES/74/148:');
    const vector = await query('arbitrary detention of migrants');
    const hits = graphOnly.search(vector, 5, only2019);
    expect(hits.map((hit) => hit.unitId)).toEqual(graphOnly.searchExact(vector, 5, only2019).map((hit) => hit.unitId));
    expect(hits.every((hit) => only2019(hit.unitId))).toBe(true);
  });

  it('should agree with exact search on a small index', async () => {
    for (const text of ['trafficking in persons women', 'report of the Secretary-General', 'return and readmission']) {
      const vector = await query(text);
      expect(index.search(vector, 3).map((hit) => hit.unitId)).toEqual(index.searchExact(vector, 3).map((hit) => hit.unitId));
    }
  });

  it('should refuse a query vector of the wrong dimension', () => {
    expect(() => index.search(new Float32Array(10), 3)).toThrow(/dimensions/);
  });

  it('should search an empty index without error', () => {
    const empty = VectorIndex.build(new Float32Array(0), 64, []);
    expect(empty.search(new Float32Array(64), 5)).toEqual([]);
  });
});

import { VectorIndex, type VectorIndexParameters } from './vector-index.js';

export interface RecallMeasurement {
  efSearch: number;
  /** Mean share of the exact top-k units that the approximate search also returned. */
  recall: number;
  queries: number;
  k: number;
}

/** Small deterministic generator (mulberry32), so a measurement can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Recall@k of the hnswlib search against exact search, per efSearch value. Held-out chunks serve as
 * queries: a seeded sample is left out of the index, so no query finds itself at distance zero.
 */
export function measureVectorRecall(input: {
  packed: Float32Array;
  dimension: number;
  chunkUnitIds: readonly string[];
  efValues: readonly number[];
  queryCount: number;
  k?: number;
  seed?: number;
  parameters: VectorIndexParameters;
}): RecallMeasurement[] {
  const { packed, dimension, chunkUnitIds } = input;
  const k = input.k ?? 10;
  const random = seededRandom(input.seed ?? 7);
  const rows = chunkUnitIds.map((_, row) => row);
  for (let index = rows.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [rows[index], rows[other]] = [rows[other]!, rows[index]!];
  }
  const queryRows = rows.slice(0, input.queryCount);
  const indexRows = rows.slice(input.queryCount).sort((a, b) => a - b);
  const indexed = new Float32Array(indexRows.length * dimension);
  indexRows.forEach((row, position) => indexed.set(packed.subarray(row * dimension, (row + 1) * dimension), position * dimension));
  const index = VectorIndex.build(indexed, dimension, indexRows.map((row) => chunkUnitIds[row]!), input.parameters);
  const queries = queryRows.map((row) => packed.slice(row * dimension, (row + 1) * dimension));
  const exact = queries.map((query) => {
    const hits = index.searchExact(query, k);
    return { units: new Set(hits.map((hit) => hit.unitId)), kthScore: hits.at(-1)?.score ?? -Infinity };
  });

  return input.efValues.map((efSearch) => {
    index.setEfSearch(efSearch);
    let found = 0;
    let wanted = 0;
    queries.forEach((query, position) => {
      const truth = exact[position]!;
      wanted += truth.units.size;
      // Identical paragraphs (boilerplate adoption lines) tie; any of the tied units is a correct answer.
      for (const hit of index.search(query, k)) if (truth.units.has(hit.unitId) || hit.score >= truth.kthScore - 1e-6) found += 1;
    });
    return { efSearch, recall: wanted === 0 ? 1 : found / wanted, queries: queries.length, k };
  });
}

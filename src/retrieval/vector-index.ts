import hnswlib from 'hnswlib-node';
import type { UnitFilter, UnitHit } from './search-index.js';
import { packedVectorRows, type VectorRows } from './vector-rows.js';

const { HierarchicalNSW } = hnswlib;
type HierarchicalNswIndex = InstanceType<typeof HierarchicalNSW>;

export interface VectorIndexParameters {
  m: number;
  efConstruction: number;
  /** Candidates kept while searching; hnswlib silently uses 10 unless told otherwise. */
  efSearch: number;
  /** Fixed so builds (and the recall test) are reproducible. */
  seed: number;
  /**
   * A filtered search whose filter keeps at most this many chunks scans them exactly instead of
   * walking the graph: faster for narrow filters (one document, one year) and never misses.
   */
  exactFilterLimit?: number;
}

/**
 * efSearch = 512: with benchmark questions as queries (not held-out chunks, which are easier) recall@10
 * against exact search was 1.000 at 10k units and 0.985 at 100k, for an ANN p50 of 1.0 / 2.8 ms; ef 64
 * gave only 0.937 / 0.832 there (bench/results/retrieval.md). On the 11 772 Security Council chunks with
 * held-out chunks as queries, ef 64 already gave 0.9993 (bench/results/ingest.md).
 */
export const DEFAULT_VECTOR_PARAMETERS: VectorIndexParameters = { m: 16, efConstruction: 200, efSearch: 512, seed: 42 };

const EXACT_FILTER_LIMIT = 20_000;

export interface ChunkHit {
  /** Row of the chunk in the index (its position in the chunk list). */
  row: number;
  /** Cosine similarity. */
  score: number;
}

/**
 * Approximate nearest neighbours over chunk vectors (hnswlib, cosine). hnswlib labels are chunk rows;
 * `chunkUnitIds[row]` maps each back to its unit, so results are one hit per unit, its best chunk.
 */
export class VectorIndex {
  private constructor(
    private readonly index: HierarchicalNswIndex,
    /** The chunk vectors, L2-normalised, for exact filtered search (in memory or read from the file). */
    private readonly vectors: VectorRows,
    private readonly chunkUnitIds: readonly string[],
    readonly dimension: number,
    readonly parameters: VectorIndexParameters,
  ) {}

  get count(): number {
    return this.chunkUnitIds.length;
  }

  static build(
    packed: Float32Array,
    dimension: number,
    chunkUnitIds: readonly string[],
    parameters: VectorIndexParameters = DEFAULT_VECTOR_PARAMETERS,
    onProgress?: (inserted: number, total: number) => void,
  ): VectorIndex {
    VectorIndex.checkShape(packed, dimension, chunkUnitIds);
    const index = new HierarchicalNSW('cosine', dimension);
    // hnswlib rejects a zero capacity; an empty corpus still gets a usable (empty) index.
    index.initIndex(Math.max(1, chunkUnitIds.length), parameters.m, parameters.efConstruction, parameters.seed);
    for (let row = 0; row < chunkUnitIds.length; row += 1) {
      index.addPoint(Array.from(packed.subarray(row * dimension, (row + 1) * dimension)), row);
      // Insertion is one point at a time on one core: a million points take hours, so say how far it got.
      if (onProgress && ((row + 1) % 10_000 === 0 || row + 1 === chunkUnitIds.length)) onProgress(row + 1, chunkUnitIds.length);
    }
    index.setEf(parameters.efSearch);
    return new VectorIndex(index, packedVectorRows(packed, dimension), chunkUnitIds, dimension, parameters);
  }

  static async read(
    file: string,
    vectors: VectorRows,
    dimension: number,
    chunkUnitIds: readonly string[],
    parameters: VectorIndexParameters,
  ): Promise<VectorIndex> {
    if (vectors.count !== chunkUnitIds.length || vectors.dimension !== dimension) {
      throw new Error(`expected ${chunkUnitIds.length} vectors of ${dimension} dimensions, got ${vectors.count} of ${vectors.dimension}`);
    }
    const index = new HierarchicalNSW('cosine', dimension);
    await index.readIndex(file);
    if (index.getCurrentCount() !== chunkUnitIds.length) {
      throw new Error(`holds ${index.getCurrentCount()} vectors but the index has ${chunkUnitIds.length} chunks`);
    }
    index.setEf(parameters.efSearch);
    return new VectorIndex(index, vectors, chunkUnitIds, dimension, parameters);
  }

  private static checkShape(packed: Float32Array, dimension: number, chunkUnitIds: readonly string[]): void {
    if (packed.length !== chunkUnitIds.length * dimension) {
      throw new Error(`expected ${chunkUnitIds.length} vectors of ${dimension} dimensions, got ${packed.length} numbers`);
    }
  }

  async write(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  /** Changes the search breadth, e.g. to measure recall against exact search. */
  setEfSearch(efSearch: number): void {
    this.index.setEf(efSearch);
  }

  /** Nearest units, best chunk per unit, best first. */
  search(vector: Float32Array, k: number, filter?: UnitFilter): UnitHit[] {
    if (k <= 0 || this.count === 0) return [];
    this.checkQuery(vector);
    const exactLimit = this.parameters.exactFilterLimit ?? EXACT_FILTER_LIMIT;
    if (filter) {
      const rows: number[] = [];
      for (let row = 0; row < this.count && rows.length <= exactLimit; row += 1) {
        if (filter(this.chunkUnitIds[row]!)) rows.push(row);
      }
      if (rows.length <= exactLimit) return this.bestPerUnit(this.scoreRows(vector, rows), k);
    }
    const rowFilter = filter ? (row: number) => filter(this.chunkUnitIds[row]!) : undefined;
    // Several chunks of one unit may crowd the top; widen until k distinct units or the whole index.
    for (let wanted = Math.min(this.count, k * 2); ; wanted = Math.min(this.count, wanted * 2)) {
      const hits = this.searchChunks(vector, wanted, rowFilter);
      const units = this.bestPerUnit(hits, k);
      if (units.length >= k || wanted >= this.count || hits.length < wanted) return units;
    }
  }

  /** Exact search by scanning every vector: the reference the approximate search is measured against. */
  searchExact(vector: Float32Array, k: number, filter?: UnitFilter): UnitHit[] {
    if (k <= 0 || this.count === 0) return [];
    this.checkQuery(vector);
    const rows: number[] = [];
    for (let row = 0; row < this.count; row += 1) if (!filter || filter(this.chunkUnitIds[row]!)) rows.push(row);
    return this.bestPerUnit(this.scoreRows(vector, rows), k);
  }

  /** Approximate nearest chunks (not grouped by unit). */
  searchChunks(vector: Float32Array, k: number, rowFilter?: (row: number) => boolean): ChunkHit[] {
    if (k <= 0 || this.count === 0) return [];
    const result = this.index.searchKnn(Array.from(vector), Math.min(k, this.count), rowFilter);
    return result.neighbors.map((row, position) => ({ row, score: 1 - result.distances[position]! }));
  }

  private checkQuery(vector: Float32Array): void {
    if (vector.length !== this.dimension) {
      throw new Error(`query vector has ${vector.length} dimensions, the index ${this.dimension}`);
    }
  }

  /** Cosine of the query with each row (rows ascending); stored rows are unit length. */
  private scoreRows(vector: Float32Array, rows: readonly number[]): ChunkHit[] {
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    const hits: ChunkHit[] = [];
    this.vectors.forEachRow(rows, (row, stored) => {
      let dot = 0;
      for (let index = 0; index < this.dimension; index += 1) dot += vector[index]! * stored[index]!;
      hits.push({ row, score: dot / norm });
    });
    return hits;
  }

  private bestPerUnit(hits: readonly ChunkHit[], k: number): UnitHit[] {
    const best = new Map<string, number>();
    for (const hit of hits) {
      const unitId = this.chunkUnitIds[hit.row]!;
      const previous = best.get(unitId);
      if (previous === undefined || hit.score > previous) best.set(unitId, hit.score);
    }
    return [...best]
      .map(([unitId, score]) => ({ unitId, score }))
      .sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : 1))
      .slice(0, k);
  }
}

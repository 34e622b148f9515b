import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import { readJsonLines } from './json-lines.js';
import type { UnitFilter, UnitHit } from './search-index.js';
import { normalizeSearchTerm } from './search-term.js';

export interface LexicalIndexOptions {
  /**
   * Approximate matching for query terms of 6+ letters at a low weight, for typos ("refugess").
   * Off by default: on clean questions it only adds near-miss stems.
   */
  fuzzy?: boolean;
}

interface LexicalDocument {
  /** Row of the chunk in the chunk list; rows map to unit ids. */
  id: number;
  text: string;
  label: string;
}

const MINISEARCH_OPTIONS: Options<LexicalDocument> = {
  idField: 'id',
  fields: ['text', 'label'],
  storeFields: [],
  processTerm: (term) => normalizeSearchTerm(term) ?? null,
};

/**
 * BM25 over chunk text and the unit's label (MiniSearch), with stop words dropped and Porter stems, so
 * "detained" matches "detain" and "detaining" but never a raw substring. Hits are reported per unit,
 * its best chunk.
 */
export class LexicalIndex {
  private constructor(
    private readonly search: MiniSearch<LexicalDocument>,
    private readonly chunkUnitIds: readonly string[],
    private readonly options: LexicalIndexOptions,
  ) {}

  static build(chunks: readonly RetrievalChunk[], options: LexicalIndexOptions = {}): LexicalIndex {
    const search = new MiniSearch<LexicalDocument>(MINISEARCH_OPTIONS);
    search.addAll(chunks.map((chunk, row) => ({ id: row, text: chunk.text, label: chunk.metadata.label })));
    return new LexicalIndex(search, chunks.map((chunk) => chunk.unitId), options);
  }

  /**
   * The index as JSON lines: a header, then one line per term. Loading it is ~4× faster than
   * re-tokenising and stemming every chunk, and no single string grows with the corpus.
   */
  *serialize(): Generator<string> {
    const { index, ...header } = this.search.toJSON();
    yield `${JSON.stringify(header)}\n`;
    for (const entry of index) yield `${JSON.stringify(entry)}\n`;
  }

  /** Reads what `serialize` wrote. Throws on a malformed file (the caller names it in its error). */
  static async read(file: string, chunkUnitIds: readonly string[], options: LexicalIndexOptions = {}): Promise<LexicalIndex> {
    let header: Omit<AsPlainObject, 'index'> | undefined;
    const index: AsPlainObject['index'] = [];
    for await (const { value } of readJsonLines(file)) {
      if (header) index.push(value as AsPlainObject['index'][number]);
      else header = value as Omit<AsPlainObject, 'index'>;
    }
    if (!header) throw new Error('is empty');
    if (header.documentCount !== chunkUnitIds.length) {
      throw new Error(`indexes ${header.documentCount} chunks, the index has ${chunkUnitIds.length}`);
    }
    const search = MiniSearch.loadJS<LexicalDocument>({ ...header, index }, MINISEARCH_OPTIONS);
    return new LexicalIndex(search, chunkUnitIds, options);
  }

  /** Best units for the query, best first; an empty list when no term of the query is indexed. */
  searchUnits(query: string, k: number, filter?: UnitFilter): UnitHit[] {
    if (k <= 0) return [];
    const results = this.search.search(query, {
      combineWith: 'OR',
      prefix: false,
      fuzzy: this.options.fuzzy ? (term) => (term.length >= 6 ? 0.2 : false) : false,
      weights: { fuzzy: 0.2, prefix: 0 },
      // The label carries the symbol and paragraph number; it should help, not outweigh the text.
      boost: { text: 1, label: 0.5 },
      ...(filter ? { filter: (result) => filter(this.chunkUnitIds[result.id as number]!) } : {}),
    });
    const hits: UnitHit[] = [];
    const seen = new Set<string>();
    for (const result of results) {
      const unitId = this.chunkUnitIds[result.id as number]!;
      // Results come best first, so the first chunk seen of a unit is its best.
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      hits.push({ unitId, score: result.score });
      if (hits.length >= k) break;
    }
    return hits;
  }
}

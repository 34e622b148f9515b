import { readFile } from 'node:fs/promises';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import { decodeLexicalPostings, encodeLexicalPostings } from './lexical-index-file.js';
import { buildLexicalPostings, LEXICAL_FIELDS, searchTermsOf, type LexicalPostings } from './lexical-postings.js';
import type { UnitFilter, UnitHit } from './search-index.js';
import { TopRows } from './top-rows.js';
import { UnitTopK } from './unit-top-k.js';

/** BM25+ as MiniSearch scored it (its defaults), so rankings did not move when it was replaced. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * Kept for callers that passed options; there are none left. The fuzzy mode of the MiniSearch version
 * was off everywhere (on clean questions it only added near-miss stems) and typos are corrected before
 * retrieval by the spelling corrector, so it was dropped rather than rebuilt over the typed arrays.
 */
export type LexicalIndexOptions = Record<string, never>;

/** Per-query work arrays, allocated once per index and reset after each query (touched rows only). */
interface ScoreBuffers {
  scores: Float64Array;
  /** Distinct query terms matched per chunk: MiniSearch multiplied the score by it. */
  matched: Uint16Array;
  /** Number of the query term that last matched each chunk, so a term found in both fields counts once. */
  lastTerm: Int32Array;
  touched: Uint32Array;
}

/**
 * BM25 over chunk text and the unit's label, with stop words dropped and Porter stems, so "detained"
 * matches "detain" and "detaining" but never a raw substring. An inverted index in typed arrays: the
 * term dictionary maps to posting ranges (chunk rows and term frequencies) with per-chunk field lengths.
 * A query scores only the postings of its terms into a reusable buffer, then selects the top k with a
 * heap (one comparison for most matches), so cost grows with the postings read, not with a sort of
 * every match. Replaces MiniSearch, which builds a Map and a result object per matching chunk and sorts
 * them all: side by side on the 100k scale index, p50 154 ms against 1.96 ms, the same top 40 for all
 * 351 questions (bench/lexical-equivalence.ts), and its JSON index cost seconds to load where the
 * typed arrays are viewed in place (150 ms).
 */
export class LexicalIndex {
  private readonly termIds: Map<string, number>;
  /** Unit number of each chunk row, and the unit ids by number. */
  private readonly unitOfRow: Uint32Array;
  private readonly unitIds: string[];
  private buffers: ScoreBuffers | undefined;
  private unitTopK: UnitTopK | undefined;

  private constructor(private readonly postings: LexicalPostings, chunkUnitIds: readonly string[]) {
    this.termIds = new Map(postings.terms.map((term, id) => [term, id]));
    if (this.termIds.size !== postings.terms.length) throw new Error('has a term listed twice in its dictionary');
    const numbers = new Map<string, number>();
    this.unitIds = [];
    this.unitOfRow = new Uint32Array(chunkUnitIds.length);
    chunkUnitIds.forEach((unitId, row) => {
      let number = numbers.get(unitId);
      if (number === undefined) {
        number = this.unitIds.length;
        numbers.set(unitId, number);
        this.unitIds.push(unitId);
      }
      this.unitOfRow[row] = number;
    });
  }

  static build(chunks: readonly RetrievalChunk[], _options: LexicalIndexOptions = {}): LexicalIndex {
    return new LexicalIndex(
      buildLexicalPostings(chunks),
      chunks.map((chunk) => chunk.unitId),
    );
  }

  /** The index as binary pieces (see lexical-index-file.ts), streamed so no buffer holds the whole file. */
  serialize(): Generator<Uint8Array> {
    return encodeLexicalPostings(this.postings);
  }

  /** Reads what `serialize` wrote. Throws on a malformed file (the caller names it in its error). */
  static async read(file: string, chunkUnitIds: readonly string[], _options: LexicalIndexOptions = {}): Promise<LexicalIndex> {
    const postings = decodeLexicalPostings(await readFile(file));
    if (postings.documentCount !== chunkUnitIds.length) {
      throw new Error(`indexes ${postings.documentCount} chunks, the index has ${chunkUnitIds.length}`);
    }
    return new LexicalIndex(postings, chunkUnitIds);
  }

  /** Best units for the query, best first; an empty list when no term of the query is indexed. */
  searchUnits(query: string, k: number, filter?: UnitFilter): UnitHit[] {
    if (k <= 0) return [];
    // A word asked twice adds its score twice (as MiniSearch's OR query did) but counts once as a match.
    const repeats = new Map<number, number>();
    for (const term of searchTermsOf(query)) {
      const id = this.termIds.get(term);
      if (id !== undefined) repeats.set(id, (repeats.get(id) ?? 0) + 1);
    }
    if (repeats.size === 0) return [];
    const buffers = this.scoreBuffers();
    const touchedCount = this.score(repeats, buffers);
    const { scores, matched, lastTerm, touched } = buffers;
    const keeps = filter ? (row: number) => filter(this.unitIds[this.unitOfRow[row]!]!) : undefined;
    // Ties keep the order in which chunks first matched (terms in query order, text before label,
    // rows ascending): MiniSearch's order, so identical paragraphs of two resolutions rank as before.
    const top = new TopRows(k);
    for (let position = 0; position < touchedCount; position += 1) {
      const row = touched[position]!;
      const score = scores[row]! * matched[row]!;
      if (top.admits(score) && (!keeps || keeps(row))) top.push(row, position, score);
    }
    const best = top.drain();
    // k best chunks of k different units are the k best units. When two of them share a unit (a long
    // paragraph split in chunks), rank every unit by its best chunk instead.
    let hits: Array<{ unit: number; score: number }> = best.map(({ row, score }) => ({ unit: this.unitOfRow[row]!, score }));
    if (new Set(hits.map((hit) => hit.unit)).size < hits.length) {
      const selection = (this.unitTopK ??= new UnitTopK(this.unitIds.length));
      for (let position = 0; position < touchedCount; position += 1) {
        const row = touched[position]!;
        selection.offer(this.unitOfRow[row]!, position, scores[row]! * matched[row]!);
      }
      hits = selection.take(k, filter ? (unit) => filter(this.unitIds[unit]!) : undefined);
    }
    for (let position = 0; position < touchedCount; position += 1) {
      const row = touched[position]!;
      scores[row] = 0;
      matched[row] = 0;
      lastTerm[row] = -1;
    }
    return hits.map(({ unit, score }) => ({ unitId: this.unitIds[unit]!, score }));
  }

  private scoreBuffers(): ScoreBuffers {
    if (!this.buffers) {
      const count = this.postings.documentCount;
      this.buffers = { scores: new Float64Array(count), matched: new Uint16Array(count), lastTerm: new Int32Array(count).fill(-1), touched: new Uint32Array(count) };
    }
    return this.buffers;
  }

  /** Adds each query term's BM25+ contribution per field into the buffers; returns how many rows it touched. */
  private score(repeats: ReadonlyMap<number, number>, buffers: ScoreBuffers): number {
    const { scores, matched, lastTerm, touched } = buffers;
    const { k, b, d } = BM25;
    const total = this.postings.documentCount;
    let touchedCount = 0;
    let termNumber = 0;
    for (const [termId, times] of repeats) {
      this.postings.fields.forEach((field, fieldIndex) => {
        const start = field.offsets[termId]!;
        const end = field.offsets[termId + 1]!;
        if (start === end) return;
        const matching = end - start;
        const inverseFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const weight = times * LEXICAL_FIELDS[fieldIndex]!.boost;
        const lengthScale = k * b / field.averageLength;
        const lengthBase = k * (1 - b);
        for (let entry = start; entry < end; entry += 1) {
          const row = field.rows[entry]!;
          const frequency = field.frequencies[entry]!;
          const norm = lengthBase + lengthScale * field.lengths[row]!;
          scores[row]! += weight * inverseFrequency * (d + (frequency * (k + 1)) / (frequency + norm));
          if (lastTerm[row] !== termNumber) {
            if (matched[row] === 0) touched[touchedCount++] = row;
            lastTerm[row] = termNumber;
            matched[row]! += 1;
          }
        }
      });
      termNumber += 1;
    }
    return touchedCount;
  }
}

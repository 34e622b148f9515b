import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import { normalizeSearchTerm } from './search-term.js';

/** The fields searched, in scoring order, with their BM25 boosts. */
export const LEXICAL_FIELDS = [
  { name: 'text', boost: 1 },
  // The label carries the symbol and paragraph number; it should help, not outweigh the text.
  { name: 'label', boost: 0.5 },
] as const;

/** Splits at spaces and punctuation, as MiniSearch's default tokenizer did, so scores stay comparable. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

export function tokenizeSearchText(text: string): string[] {
  return text.split(SPACE_OR_PUNCTUATION);
}

/** Search terms of a text, in order, repeats kept (a repeated query term counts twice, as before). */
export function searchTermsOf(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenizeSearchText(text)) {
    const term = normalizeSearchTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}

/** One field's inverted index: term t's postings are entries offsets[t] .. offsets[t + 1] - 1. */
export interface FieldPostings {
  offsets: Uint32Array;
  /** Chunk row of each posting, ascending within a term. */
  rows: Uint32Array;
  /** Occurrences of the term in that chunk's field (clamped at 65 535). */
  frequencies: Uint16Array;
  /** Per chunk: distinct raw tokens of the field, stop words included (MiniSearch's field length). */
  lengths: Uint32Array;
  averageLength: number;
}

export interface LexicalPostings {
  documentCount: number;
  /** Term dictionary: term id → term. */
  terms: string[];
  /** One per LEXICAL_FIELDS entry, same order. */
  fields: FieldPostings[];
}

/** A typed array that grows by doubling, so building a million chunks' postings avoids boxed numbers. */
class GrowableUint32 {
  private data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}

const fieldValue = (chunk: RetrievalChunk, field: (typeof LEXICAL_FIELDS)[number]['name']): string => (field === 'text' ? chunk.text : chunk.metadata.label);

/** Tokenises and stems every chunk once and lays the postings out term by term. */
export function buildLexicalPostings(chunks: readonly RetrievalChunk[]): LexicalPostings {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const collected = LEXICAL_FIELDS.map(() => ({ termIds: new GrowableUint32(), rows: new GrowableUint32(), frequencies: new GrowableUint32() }));
  const lengths = LEXICAL_FIELDS.map(() => new Uint32Array(chunks.length));
  const averageLengths = LEXICAL_FIELDS.map(() => 0);
  const counts = new Map<number, number>();
  chunks.forEach((chunk, row) => {
    LEXICAL_FIELDS.forEach((field, fieldIndex) => {
      const tokens = tokenizeSearchText(fieldValue(chunk, field.name));
      const length = new Set(tokens).size;
      lengths[fieldIndex]![row] = length;
      // The running mean MiniSearch kept, step for step, so scores match it to the last bit.
      averageLengths[fieldIndex] = (averageLengths[fieldIndex]! * row + length) / (row + 1);
      counts.clear();
      for (const token of tokens) {
        const term = normalizeSearchTerm(token);
        if (!term) continue;
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const into = collected[fieldIndex]!;
      for (const [id, count] of counts) {
        into.termIds.push(id);
        into.rows.push(row);
        into.frequencies.push(Math.min(count, 0xffff));
      }
    });
  });
  const fields = collected.map((into, fieldIndex): FieldPostings => {
    // Counting sort by term; rows were visited in order, so each term's rows come out ascending.
    const offsets = new Uint32Array(terms.length + 1);
    for (let entry = 0; entry < into.termIds.length; entry += 1) offsets[into.termIds.at(entry) + 1]! += 1;
    for (let term = 0; term < terms.length; term += 1) offsets[term + 1]! += offsets[term]!;
    const next = offsets.slice(0, terms.length);
    const rows = new Uint32Array(into.termIds.length);
    const frequencies = new Uint16Array(into.termIds.length);
    for (let entry = 0; entry < into.termIds.length; entry += 1) {
      const position = next[into.termIds.at(entry)]!++;
      rows[position] = into.rows.at(entry);
      frequencies[position] = into.frequencies.at(entry);
    }
    return { offsets, rows, frequencies, lengths: lengths[fieldIndex]!, averageLength: averageLengths[fieldIndex]! };
  });
  return { documentCount: chunks.length, terms, fields };
}

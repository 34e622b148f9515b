import type { ResolutionDocument } from './resolution-document.js';
import type { RetrievalChunk } from './retrieval-chunk.js';
import { splitSentences } from './split-sentences.js';

export const DEFAULT_MAX_CHUNK_CHARACTERS = 1500;

export interface ChunkOptions {
  /** Longest unit text (lead-in not counted) kept in one chunk; longer units split on sentence boundaries. */
  maxCharacters?: number;
}

/**
 * One chunk per unit, header, footer and footnotes included. A sub-paragraph's chunk starts with its
 * parent's lead-in, because "(b) Encourages States ..." means little alone; every piece of a split unit
 * repeats the lead-in and keeps the unit id, so a hit on any piece cites the same paragraph.
 */
export function chunkDocument(document: ResolutionDocument, options: ChunkOptions = {}): RetrievalChunk[] {
  const maxCharacters = options.maxCharacters ?? DEFAULT_MAX_CHUNK_CHARACTERS;
  if (!Number.isInteger(maxCharacters) || maxCharacters < 1) throw new RangeError(`maxCharacters must be a positive integer, got ${maxCharacters}`);
  const footnoteTexts = new Map(document.units.filter((unit) => unit.kind === 'footnote').map((unit) => [unit.id, unit.text]));
  const chunks: RetrievalChunk[] = [];
  for (const unit of document.units) {
    const body = unit.text.length > 0 ? unit.text : unit.label;
    const pieces = splitSentences(body, maxCharacters);
    const metadata: RetrievalChunk['metadata'] = {
      symbol: document.symbol,
      unitId: unit.id,
      label: unit.label,
      kind: unit.kind,
      title: document.title,
      ...(document.date ? { date: document.date } : {}),
      ...(document.year ? { year: document.year } : {}),
      footnoteTexts: unit.footnotes.map((id) => footnoteTexts.get(id)).filter((text): text is string => text !== undefined),
    };
    pieces.forEach((piece, index) => {
      chunks.push({
        chunkId: `${unit.id}#${index}`,
        unitId: unit.id,
        text: unit.leadIn ? `${unit.leadIn} ${piece}` : piece,
        metadata: { ...metadata, footnoteTexts: [...metadata.footnoteTexts] },
      });
    });
  }
  return chunks;
}

import { join } from 'node:path';
import type { DocumentUnit, ResolutionDocument } from '../corpus/resolution-document.js';
import type { RetrievalChunk } from '../corpus/retrieval-chunk.js';
import { IndexLoadError } from './index-load-error.js';
import { INDEX_FILES } from './index-layout.js';
import { forEachJsonLine, JsonLineError } from './json-lines.js';

const isDocument = (value: unknown): value is ResolutionDocument =>
  typeof value === 'object' && value !== null && typeof (value as ResolutionDocument).symbol === 'string' && Array.isArray((value as ResolutionDocument).units);

const isChunk = (value: unknown): value is RetrievalChunk =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RetrievalChunk).unitId === 'string' &&
  typeof (value as RetrievalChunk).text === 'string' &&
  typeof (value as RetrievalChunk).metadata === 'object' &&
  (value as RetrievalChunk).metadata !== null;

async function readLines(directory: string, file: string, visit: (value: unknown, lineNumber: number) => void): Promise<void> {
  try {
    await forEachJsonLine(join(directory, file), visit);
  } catch (error) {
    if (error instanceof JsonLineError) throw new IndexLoadError(directory, file, error.message);
    throw error;
  }
}

/**
 * One frozen empty list for every unit without footnotes and chunk without footnote texts: a million
 * separate empty arrays from JSON.parse cost 64 MB. Frozen, so a caller that tried to add to one would
 * fail loudly instead of changing every unit at once.
 */
const NO_STRINGS = Object.freeze([]) as unknown as string[];

/**
 * Reads documents.jsonl. A unit whose raw text equals its clean text gets one string for both: JSON
 * parsing makes two copies, and at a million units the second copy alone is a quarter of a gigabyte.
 * (Measured at 1M scale units: documents 573 MB of heap, chunks 195 MB more, with this sharing.)
 */
export async function readStoredDocuments(directory: string): Promise<ResolutionDocument[]> {
  const documents: ResolutionDocument[] = [];
  await readLines(directory, INDEX_FILES.documents, (value, lineNumber) => {
    if (!isDocument(value)) throw new IndexLoadError(directory, INDEX_FILES.documents, `line ${lineNumber} does not have the expected fields`);
    for (const unit of value.units) {
      if (unit.rawText === unit.text) unit.rawText = unit.text;
      if (Array.isArray(unit.footnotes) && unit.footnotes.length === 0) unit.footnotes = NO_STRINGS;
    }
    documents.push(value);
  });
  return documents;
}

/**
 * Reads chunks.jsonl, checking each chunk's unit exists. Strings a chunk repeats from its unit and
 * document (ids, label, title, kind, and the text when the chunk is the whole unit) are replaced by the
 * unit's own, so a million chunks cost their object headers, not a second copy of the corpus.
 */
export async function readStoredChunks(directory: string, documents: readonly ResolutionDocument[]): Promise<RetrievalChunk[]> {
  const units = new Map<string, { unit: DocumentUnit; document: ResolutionDocument }>();
  for (const document of documents) for (const unit of document.units) units.set(unit.id, { unit, document });
  const chunks: RetrievalChunk[] = [];
  await readLines(directory, INDEX_FILES.chunks, (value, lineNumber) => {
    if (!isChunk(value)) throw new IndexLoadError(directory, INDEX_FILES.chunks, `line ${lineNumber} does not have the expected fields`);
    const owner = units.get(value.unitId);
    if (!owner) throw new IndexLoadError(directory, INDEX_FILES.chunks, `chunk ${value.chunkId} refers to unit ${value.unitId}, which no document has`);
    const { unit, document } = owner;
    const metadata = value.metadata;
    value.unitId = unit.id;
    if (value.text === unit.text) value.text = unit.text;
    if (metadata.unitId === unit.id) metadata.unitId = unit.id;
    if (metadata.label === unit.label) metadata.label = unit.label;
    if (metadata.kind === unit.kind) metadata.kind = unit.kind;
    if (metadata.symbol === document.symbol) metadata.symbol = document.symbol;
    if (metadata.title === document.title) metadata.title = document.title;
    if (metadata.date !== undefined && metadata.date === document.date) metadata.date = document.date;
    if (Array.isArray(metadata.footnoteTexts) && metadata.footnoteTexts.length === 0) metadata.footnoteTexts = NO_STRINGS;
    chunks.push(value);
  });
  return chunks;
}

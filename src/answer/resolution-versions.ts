import type { CorpusStore } from '../corpus/corpus-store.js';
import type { DocumentUnit } from '../corpus/resolution-document.js';
import type { QueryAnalysis } from '../retrieval/query-analysis.js';
import { seriesOf } from '../retrieval/query-filters.js';
import { stem, tokenize } from '../retrieval/text-terms.js';
import { comparableText } from './answer-draft.js';

/** How one paragraph appears across the versions of a resolution: verbatim twins, edited counterparts. */

/** Two versions of one paragraph, lightly edited, are one source for an answer: most of their words agree. */
export function nearlySame(left: string, right: string): boolean {
  return wordOverlap(left, right) >= 0.7;
}

/** Jaccard overlap of the two texts' word stems. */
export function wordOverlap(left: string, right: string): number {
  const leftStems = new Set(tokenize(left).map(stem));
  const rightStems = new Set(tokenize(right).map(stem));
  let shared = 0;
  for (const stemmed of leftStems) if (rightStems.has(stemmed)) shared += 1;
  return shared / Math.max(1, leftStems.size + rightStems.size - shared);
}

/** The same paragraph in the other versions of the resolution: the closest unit of the same kind, if close enough. */
export function counterparts(unit: DocumentUnit, corpus: CorpusStore): DocumentUnit[] {
  const document = corpus.documentOf(unit.id);
  if (!document) return [];
  return seriesOf(document, corpus.documents())
    .filter((version) => version.symbol !== document.symbol)
    .flatMap((version) => {
      let best: { unit: DocumentUnit; similarity: number } | undefined;
      for (const candidate of version.units) {
        if (candidate.kind !== unit.kind) continue;
        const similarity = wordOverlap(unit.text, candidate.text);
        if (!best || similarity > best.similarity) best = { unit: candidate, similarity };
      }
      return best && best.similarity >= 0.5 ? [best.unit] : [];
    });
}

/** "in both versions", "in each resolution": the user wants every version cited, not just the latest. */
export function asksAboutEveryVersion(question: string): boolean {
  return /\b(?:both|each|every|all)\s+(?:of\s+the\s+)?(?:two\s+)?(?:versions|resolutions|texts|documents|years)\b|\bin\s+both\b/i.test(question);
}

/** Of identical paragraphs in several versions, cite the latest one the filters allow. */
export function preferLatestCopy(unit: DocumentUnit, corpus: CorpusStore, analysis: QueryAnalysis): DocumentUnit {
  const allowed = new Set(analysis.documents.map((document) => document.symbol));
  const copies = identicalCopies(unit, corpus).filter((copy) => allowed.has(corpus.documentOf(copy.id)!.symbol));
  return copies.at(-1) ?? unit;
}

/** The unit and its verbatim twins in other versions of the same resolution, oldest document first. */
export function identicalCopies(unit: DocumentUnit, corpus: CorpusStore): DocumentUnit[] {
  const document = corpus.documentOf(unit.id);
  if (!document) return [unit];
  const key = comparableKey(unit);
  return seriesOf(document, corpus.documents()).flatMap((version) =>
    version.units.filter((candidate) => candidate.kind === unit.kind && comparableKey(candidate) === key),
  );
}

/** Normalising every unit of every version again for each answer was a sixth of its CPU time; units never change. */
const comparableKeys = new WeakMap<DocumentUnit, string>();

function comparableKey(unit: DocumentUnit): string {
  let key = comparableKeys.get(unit);
  if (key === undefined) {
    key = comparableText(`${unit.leadIn ?? ''} ${unit.text}`);
    comparableKeys.set(unit, key);
  }
  return key;
}

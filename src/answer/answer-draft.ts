import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import { seriesOf } from '../retrieval/query-filters.js';
import type { Citation } from './answer-types.js';

/** One sentence of an answer and the units it stands on. */
export interface DraftSentence {
  text: string;
  unitIds: string[];
}

/** What an answerer produces before rendering: sentences with unit ids, and the quoted words per unit. */
export interface AnswerDraft {
  sentences: DraftSentence[];
  abstained: boolean;
  /** Words of a cited unit that support the answer, when narrower than the unit; citations quote the whole unit. */
  quotes: Map<string, string>;
  /** Closest related units offered when abstaining. */
  related?: string[];
}

const maximumCitationQuote = 2000;

/** Renders a draft: each sentence followed by the labels of its units, and the citation list. */
export function renderDraft(draft: AnswerDraft, corpus: CorpusStore): { answer: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const cited = new Set<string>();
  const parts: string[] = [];
  for (const sentence of draft.sentences) {
    const labels: string[] = [];
    for (const unitId of sentence.unitIds) {
      const unit = corpus.getUnit(unitId);
      const document = corpus.documentOf(unitId);
      if (!unit || !document) continue;
      labels.push(unit.label);
      if (!cited.has(unitId)) {
        cited.add(unitId);
        citations.push({ id: unitId, label: unit.label, quote: clip(unit.text), url: document.url });
      }
    }
    const text = sentence.text.trim();
    parts.push(labels.length > 0 ? `${text.replace(/[.]$/, '')} [${labels.join('; ')}].` : text);
  }
  return { answer: parts.join(' '), citations };
}

function clip(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= maximumCitationQuote ? clean : `${clean.slice(0, maximumCitationQuote).replace(/\s+\S*$/, '')} …`;
}

/** "A/RES/76/172 (2021), the latest resolution" — names the version so readers know which one is cited. */
export function describeDocument(document: ResolutionDocument, corpus: CorpusStore): string {
  const year = document.year !== undefined && !document.symbol.includes(`(${document.year})`) ? ` (${document.year})` : '';
  const series = seriesOf(document, corpus.documents());
  if (series.length < 2) return `${document.symbol}${year}`;
  if (series.at(-1)?.symbol === document.symbol) return `${document.symbol}${year}, the latest resolution`;
  return `${document.symbol}${year}, an earlier resolution`;
}

/** Normalised text used to recognise the same paragraph in two versions. */
export function comparableText(text: string): string {
  return text.toLowerCase().replace(/^\(?[a-z0-9]{1,4}[.)]\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The quote with its list marker removed, e.g. "(b) Encourages" → "Encourages". */
export function withoutMarker(text: string): string {
  return text.replace(/^\s*(?:\(?[a-z]{1,4}\)|\d{1,3}\.)\s+/i, '').trim();
}

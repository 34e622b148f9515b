import type { CorpusStore } from '../corpus/corpus-store.js';
import type { DocumentUnit } from '../corpus/resolution-document.js';
import type { TermWeights } from '../retrieval/feature-reranker.js';
import { stem, tokenize } from '../retrieval/text-terms.js';
import { termCoverage, type QuestionTerms } from './clause-selection.js';

export interface FootnoteMatch {
  /** The unit whose words carry the footnote marker. */
  referencing: DocumentUnit;
  footnote: DocumentUnit;
  /** The words just before the marker: what the footnote is a source for. */
  subject: string;
  /** The footnote with "Ibid." expanded to the publication it repeats. */
  resolvedText: string;
  coverage: number;
}

const markerPattern = /<sup>\s*(\d{1,3})\s*<\/sup>|\^(\d{1,3})\^|\[\^(\d{1,3})\]|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/g;
const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function markerNumber(match: RegExpMatchArray): string | undefined {
  const superscript = match[4];
  if (superscript) return [...superscript].map((digit) => String(superscriptDigits.indexOf(digit))).join('');
  return match[1] ?? match[2] ?? match[3];
}

/**
 * Follows footnote markers: for each unit, the stretch of words before each marker is what the
 * footnote documents ("the Convention on the Rights of the Child¹¹" → FN11). The best-matching
 * stretch across the candidates wins.
 */
export function findFootnote(
  candidates: readonly DocumentUnit[],
  terms: QuestionTerms,
  corpus: CorpusStore,
  weights: TermWeights,
): FootnoteMatch | undefined {
  let best: FootnoteMatch | undefined;
  for (const unit of candidates) {
    if (unit.kind === 'footnote' || unit.footnotes.length === 0) continue;
    const document = corpus.documentOf(unit.id);
    if (!document) continue;
    let previousEnd = 0;
    for (const match of unit.rawText.matchAll(markerPattern)) {
      const number = markerNumber(match);
      const footnote = corpus.getUnit(`${document.symbol}:FN${number}`);
      const before = unit.rawText.slice(previousEnd, match.index);
      previousEnd = match.index + match[0].length;
      if (!footnote) continue;
      const subject = lastPhrase(before);
      const coverage = termCoverage(terms, new Set(tokenize(subject).map(stem)), weights);
      const later = best !== undefined && coverage === best.coverage && (document.year ?? 0) > (corpus.documentOf(best.footnote.id)?.year ?? 0);
      if (!best || coverage > best.coverage || later) {
        best = { referencing: unit, footnote, subject, resolvedText: resolveIbid(footnote, corpus), coverage };
      }
    }
  }
  return best;
}

/** The clause before a marker, without markup: back to the previous comma-separated item or sentence start. */
function lastPhrase(text: string): string {
  const clean = text
    .replace(/<[^>]+>/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
    .replace(/[;,.:\s]+$/, '').replace(/[*_[\]]/g, '').replace(/\([^)]*\)\([^)]*\)/g, '');
  const pieces = clean.split(/,\s+(?=the\s|and\s)|;|\bparticularly\b|\bincluding\b|\bin particular\b/i);
  return (pieces.at(-1) ?? clean).replace(/^\s*\([a-z]{1,4}\)\s*/i, '').replace(/^\s*and\s+/i, '').replace(/[,\s]+$/, '').trim();
}

/** "Ibid., vol. 1577, No. 27531." → "United Nations, Treaty Series, vol. 1577, No. 27531." */
export function resolveIbid(footnote: DocumentUnit, corpus: CorpusStore): string {
  const text = footnote.text.replace(/\s+/g, ' ').trim();
  if (!/^ibid\b/i.test(text)) return text;
  const document = corpus.documentOf(footnote.id);
  const number = Number(/FN(\d+)$/.exec(footnote.unit)?.[1]);
  if (!document || !Number.isFinite(number)) return text;
  for (let previous = number - 1; previous >= 1; previous -= 1) {
    const earlier = corpus.getUnit(`${document.symbol}:FN${previous}`);
    if (!earlier || /^ibid\b/i.test(earlier.text.trim())) continue;
    const publication = /^(.*?)(?:,\s*(?:vol\.|vols\.|chap\.|Supplement|No\.)|$)/i.exec(earlier.text.trim())?.[1]?.trim();
    return publication ? text.replace(/^ibid\.?/i, publication) : text;
  }
  return text;
}

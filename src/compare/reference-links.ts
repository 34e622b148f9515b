import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import { cleanCitation, isIbid, resolveCitation } from './footnote-citation.js';
import { instrumentsBeforeMarker } from './instrument-phrase.js';
import { contentStems } from './word-stems.js';

export interface FootnoteReference {
  /** The body unit whose text carries the footnote marker. */
  unitId: string;
  /** The words just before the marker naming what is cited, e.g. `Universal Declaration of Human Rights`. */
  instrument?: string;
}

export interface FootnoteLink {
  footnoteId: string;
  symbol: string;
  /** The footnote as written, cleaned of markup, e.g. `Ibid., vol. 2716, No. 48088`. */
  text: string;
  /** Complete citation with "Ibid." resolved, e.g. `United Nations, Treaty Series, vol. 2716, No. 48088`. */
  citedAs: string;
  /** For an "Ibid." footnote, the first footnote of the chain that names the source in full. */
  sourceFootnoteId?: string;
  references: FootnoteReference[];
  /** First instrument named at a marker of this footnote. */
  instrument?: string;
}

const linksByDocument = new WeakMap<ResolutionDocument, FootnoteLink[]>();

function footnoteNumber(unit: string): number {
  return Number(/^FN(\d+)/.exec(unit)?.[1] ?? Number.NaN);
}

/** Each footnote of a document with its resolved citation and the units (and instruments) citing it. */
export function footnoteLinks(document: ResolutionDocument): FootnoteLink[] {
  const cached = linksByDocument.get(document);
  if (cached) return cached;
  const footnotes = document.units
    .filter((unit) => unit.kind === 'footnote')
    .sort((a, b) => footnoteNumber(a.unit) - footnoteNumber(b.unit));
  const links: FootnoteLink[] = [];
  let previous: FootnoteLink | undefined;
  for (const footnote of footnotes) {
    const ibid = isIbid(footnote.text) && previous !== undefined;
    const references: FootnoteReference[] = [];
    for (const unit of document.units) {
      if (!unit.footnotes.includes(footnote.id)) continue;
      const instruments = instrumentsBeforeMarker(unit.rawText, footnoteNumber(footnote.unit));
      if (instruments.length === 0) references.push({ unitId: unit.id });
      for (const instrument of instruments) references.push({ unitId: unit.id, instrument });
    }
    const link: FootnoteLink = {
      footnoteId: footnote.id,
      symbol: document.symbol,
      text: cleanCitation(footnote.text),
      citedAs: resolveCitation(footnote.text, previous?.citedAs),
      references,
    };
    if (ibid && previous) link.sourceFootnoteId = previous.sourceFootnoteId ?? previous.footnoteId;
    const instrument = references.find((reference) => reference.instrument)?.instrument;
    if (instrument !== undefined) link.instrument = instrument;
    links.push(link);
    previous = link;
  }
  linksByDocument.set(document, links);
  return links;
}

export interface FootnoteMatch {
  link: FootnoteLink;
  /** The referencing unit and instrument phrase that matched. */
  reference: FootnoteReference;
  /** Share of the asked instrument's words found in the phrase, 0 to 1. */
  score: number;
}

/**
 * Footnotes citing the instrument named by `instrumentWords` ("Convention on the Rights of the
 * Child"), best first, across every document of the corpus. A footnote matches when most of the
 * asked words are in the phrase its marker follows; an exact name outranks a longer one containing it.
 */
export function findFootnoteForInstrument(corpus: CorpusStore, instrumentWords: string | readonly string[]): FootnoteMatch[] {
  const asked = contentStems(typeof instrumentWords === 'string' ? instrumentWords : instrumentWords.join(' '));
  if (asked.size === 0) return [];
  const matches: FootnoteMatch[] = [];
  for (const document of corpus.documents()) {
    for (const link of footnoteLinks(document)) {
      let best: FootnoteMatch | undefined;
      for (const reference of link.references) {
        if (!reference.instrument) continue;
        const named = contentStems(reference.instrument);
        let shared = 0;
        for (const stem of asked) if (named.has(stem)) shared += 1;
        const recall = shared / asked.size;
        const precision = named.size > 0 ? shared / named.size : 0;
        const score = recall * (0.8 + 0.2 * precision);
        if (recall >= 0.75 && (!best || score > best.score)) best = { link, reference, score };
      }
      if (best) matches.push(best);
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.link.symbol.localeCompare(b.link.symbol));
}

import type { DocumentUnit, ResolutionDocument, UnitKind } from '../corpus/resolution-document.js';
import { alignSequences, type SequenceMatch } from './align-sequence.js';
import type { ResolutionSeries } from './resolution-series.js';
import type { AlignedPair, AlignmentStatus, AlignmentSummary, DocumentAlignment } from './alignment-types.js';
import { footnoteLinks } from './reference-links.js';
import { createStemWeights, weightedJaccard } from './text-similarity.js';
import { wordDiff } from './word-diff.js';
import { contentStems } from './word-stems.js';

/** Units are only ever aligned with units of the same family, in this reading order. */
const FAMILIES: readonly UnitKind[] = ['header', 'preamble', 'operative', 'annex', 'footer', 'footnote'];

const STATUSES: readonly AlignmentStatus[] = ['unchanged', 'changed', 'added', 'removed', 'split', 'merged', 'moved'];

/** Text as read: markup, quote styles and spacing left by the PDF conversion do not count as change. */
export function comparableText(text: string): string {
  return text
    .replace(/^\s*(?:\d+\.|\([a-z]+\)|\([ivxl]+\))\s+/, '')
    .replace(/[*_]/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Nesting level of a unit: 0 for a paragraph, 1 for (a), 2 for (i). */
function depth(unit: DocumentUnit): number {
  return (unit.unit.match(/\(/g) ?? []).length;
}

function unitsOfKind(document: ResolutionDocument, kind: UnitKind): DocumentUnit[] {
  return document.units.filter((unit) => unit.kind === kind).sort((a, b) => a.order - b.order);
}

/** Footnotes are compared by their complete citation, so "Ibid., vol. 2716" meets its full form. */
function comparisonTexts(document: ResolutionDocument, units: readonly DocumentUnit[], kind: UnitKind): string[] {
  if (kind !== 'footnote') return units.map((unit) => unit.text);
  const citations = new Map(footnoteLinks(document).map((link) => [link.footnoteId, link.citedAs]));
  return units.map((unit) => citations.get(unit.id) ?? unit.text);
}

function toPair(match: SequenceMatch, fromUnits: readonly DocumentUnit[], toUnits: readonly DocumentUnit[]): AlignedPair {
  const fromSide = match.from.map((index) => fromUnits[index]!);
  const toSide = match.to.map((index) => toUnits[index]!);
  const fromText = fromSide.map((unit) => comparableText(unit.text)).join(' ');
  const toText = toSide.map((unit) => comparableText(unit.text)).join(' ');
  let status: AlignmentStatus;
  if (match.kind === 'match') status = fromText === toText ? 'unchanged' : 'changed';
  else status = match.kind;
  const pair: AlignedPair = {
    status,
    fromIds: fromSide.map((unit) => unit.id),
    toIds: toSide.map((unit) => unit.id),
    similarity: Math.round(match.similarity * 1000) / 1000,
    renumbered: fromSide.length > 0 && toSide.length > 0 && fromSide[0]!.unit !== toSide[0]!.unit,
  };
  if (fromSide.length > 0 && toSide.length > 0 && fromText !== toText) pair.diff = wordDiff(fromText, toText);
  return pair;
}

/**
 * Reading position of a match in the newer text; a removed paragraph sits just after the place its
 * older neighbour went to, so a side-by-side view shows it where it used to be.
 */
function positions(matches: readonly SequenceMatch[]): number[] {
  const partnerOfFrom = new Map<number, number>();
  for (const match of matches) {
    const first = match.to[0];
    if (first !== undefined) for (const index of match.from) partnerOfFrom.set(index, first);
  }
  return matches.map((match) => {
    const first = match.to[0];
    if (first !== undefined) return first;
    const removed = match.from[0] ?? 0;
    for (let index = removed - 1; index >= 0; index -= 1) {
      const partner = partnerOfFrom.get(index);
      if (partner !== undefined) return partner + 0.5 + removed / 1e6;
    }
    return -0.5 + removed / 1e6;
  });
}

function alignFamily(from: ResolutionDocument, to: ResolutionDocument, kind: UnitKind): AlignedPair[] {
  const fromUnits = unitsOfKind(from, kind);
  const toUnits = unitsOfKind(to, kind);
  if (fromUnits.length === 0 && toUnits.length === 0) return [];
  const fromStems = comparisonTexts(from, fromUnits, kind).map(contentStems);
  const toStems = comparisonTexts(to, toUnits, kind).map(contentStems);
  const weight = createStemWeights([...fromStems, ...toStems]);
  const fromTexts = fromUnits.map((unit) => comparableText(unit.text));
  const toTexts = toUnits.map((unit) => comparableText(unit.text));
  // The title block and adoption line are one unit each: they correspond whatever their wording.
  const single = (kind === 'header' || kind === 'footer') && fromUnits.length === 1 && toUnits.length === 1;
  const matches = single
    ? [{ kind: 'match' as const, from: [0], to: [0], similarity: weightedJaccard(fromStems[0]!, toStems[0]!, weight) }]
    : alignSequences(fromStems, toStems, weight, {
        // Of two equally good readings, keep the one where paragraphs keep their text, number and level.
        tieBreak: (i, j) =>
          (fromTexts[i] === toTexts[j] ? 1e-3 : 0) +
          (fromUnits[i]!.unit === toUnits[j]!.unit ? 1e-3 : 0) +
          (depth(fromUnits[i]!) === depth(toUnits[j]!) ? 5e-4 : 0),
      });
  const order = positions(matches);
  return matches
    .map((match, index) => ({ pair: toPair(match, fromUnits, toUnits), position: order[index]! }))
    .sort((a, b) => a.position - b.position)
    .map((entry) => entry.pair);
}

export function summarise(pairs: readonly AlignedPair[]): AlignmentSummary {
  const summary = Object.fromEntries(STATUSES.map((status) => [status, 0])) as AlignmentSummary;
  summary.renumbered = 0;
  for (const pair of pairs) {
    summary[pair.status] += 1;
    if (pair.renumbered) summary.renumbered += 1;
  }
  return summary;
}

const alignmentCache = new WeakMap<ResolutionDocument, Map<ResolutionDocument, DocumentAlignment>>();

/**
 * Aligns the units of an older and a newer version of a resolution, family by family (preamble
 * with preamble, operative paragraphs and their sub-paragraphs together, footnotes with footnotes),
 * and classifies every pair. Results are cached per pair of document objects.
 */
export function alignDocuments(from: ResolutionDocument, to: ResolutionDocument): DocumentAlignment {
  const cached = alignmentCache.get(from)?.get(to);
  if (cached) return cached;
  const pairs = FAMILIES.flatMap((kind) => alignFamily(from, to, kind));
  const alignment: DocumentAlignment = {
    from: from.symbol,
    to: to.symbol,
    fromTitle: from.title,
    toTitle: to.title,
    pairs,
    summary: summarise(pairs),
  };
  if (from.date !== undefined) alignment.fromDate = from.date;
  if (to.date !== undefined) alignment.toDate = to.date;
  const byTarget = alignmentCache.get(from) ?? new Map<ResolutionDocument, DocumentAlignment>();
  byTarget.set(to, alignment);
  alignmentCache.set(from, byTarget);
  return alignment;
}

/** Alignments of each version of a series with the one before it, oldest pair first (for ingest to warm). */
export function alignSeries(series: ResolutionSeries): DocumentAlignment[] {
  return series.documents.slice(1).map((document, index) => alignDocuments(series.documents[index]!, document));
}

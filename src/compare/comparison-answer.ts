import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import { alignDocuments } from './align-documents.js';
import type { AlignedPair, DocumentAlignment } from './alignment-types.js';
import { changedRuns } from './word-diff.js';
import { type ComparisonSentence, describePair, supportingQuotes } from './change-description.js';
import { type ComparisonQuestion, parseComparisonQuestion, topicStems } from './comparison-question.js';
import { yearOf } from './resolution-series.js';
import { unitStems } from './unit-stems.js';
import { chooseVersions } from './version-choice.js';
import { contentStems } from './word-stems.js';

export interface ComparisonAnswer {
  sentences: ComparisonSentence[];
  abstained: boolean;
  /** For each cited unit, the words a citation should quote (the changed words when it changed). */
  quotes: Record<string, string>;
}

/** The unit that stands for a whole document in a citation: its title block, else its first unit. */
function documentUnitId(document: ResolutionDocument): string[] {
  const unit = document.units.find((candidate) => candidate.kind === 'header') ?? document.units[0];
  return unit ? [unit.id] : [];
}

function named(document: ResolutionDocument): string {
  const year = yearOf(document);
  return year === undefined ? document.symbol : `${document.symbol} (${year})`;
}

const BODY = new Set(['preamble', 'operative', 'annex']);

function isBody(corpus: CorpusStore, pair: AlignedPair): boolean {
  const id = pair.toIds[0] ?? pair.fromIds[0];
  const kind = id ? corpus.getUnit(id)?.kind : undefined;
  return kind !== undefined && BODY.has(kind);
}

/** Share of the topic stems a set of units holds. */
function coverage(corpus: CorpusStore, ids: readonly string[], topic: readonly string[]): number {
  if (topic.length === 0) return 0;
  const stems = new Set<string>();
  for (const id of ids) {
    const unit = corpus.getUnit(id);
    if (unit) for (const stem of unitStems(unit)) stems.add(stem);
  }
  return topic.filter((stem) => stems.has(stem)).length / topic.length;
}

function enough(score: number, topic: readonly string[]): boolean {
  return topic.length <= 2 ? score >= 1 : score >= 2 / 3;
}

function changedText(pair: AlignedPair, side: 'inserted' | 'deleted'): string {
  return changedRuns(pair.diff ?? []).map((run) => run[side]).join(' ');
}

function touchesTopic(text: string, topic: readonly string[]): boolean {
  const stems = contentStems(text);
  return topic.some((stem) => stems.has(stem));
}

function changeSize(pair: AlignedPair): number {
  return (pair.diff ?? []).filter((segment) => segment.op !== 'equal').reduce((sum, segment) => sum + segment.text.length, 0);
}

function summarySentence(corpus: CorpusStore, alignment: DocumentAlignment, from: ResolutionDocument, to: ResolutionDocument): ComparisonSentence {
  const body = alignment.pairs.filter((pair) => isBody(corpus, pair));
  const count = (status: AlignedPair['status']): number => body.filter((pair) => pair.status === status).length;
  const parts = [
    `${count('unchanged')} unchanged`,
    `${count('changed')} changed`,
    `${count('added')} added`,
    `${count('removed')} removed`,
  ];
  for (const status of ['moved', 'split', 'merged'] as const) if (count(status) > 0) parts.push(`${count(status)} ${status}`);
  const renumbered = body.filter((pair) => pair.renumbered).length;
  return {
    text:
      `Between ${named(from)} and ${named(to)}, of the paragraphs and sub-paragraphs ${parts.join(', ')}` +
      `${renumbered > 0 ? `; ${renumbered} of those kept in both carry a new number` : ''}.`,
    unitIds: [...documentUnitId(from), ...documentUnitId(to)],
  };
}

function relevantPairs(corpus: CorpusStore, alignment: DocumentAlignment, question: ComparisonQuestion, topic: string[]): AlignedPair[] {
  const body = alignment.pairs.filter((pair) => isBody(corpus, pair));
  const onTopic = (pair: AlignedPair): boolean =>
    topic.length === 0 || enough(Math.max(coverage(corpus, pair.toIds, topic), coverage(corpus, pair.fromIds, topic)), topic);
  switch (question.intent) {
    case 'added':
      return body.filter(
        (pair) =>
          onTopic(pair) &&
          (pair.status === 'added' || (pair.fromIds.length > 0 && pair.toIds.length > 0 && (topic.length === 0 ? changeSize(pair) > 0 : touchesTopic(changedText(pair, 'inserted'), topic)))),
      );
    case 'removed':
      return body.filter(
        (pair) =>
          onTopic(pair) &&
          (pair.status === 'removed' || (topic.length > 0 && pair.toIds.length > 0 && touchesTopic(changedText(pair, 'deleted'), topic))),
      );
    case 'same':
    case 'changed': {
      const scored = body
        .map((pair) => ({ pair, score: coverage(corpus, pair.toIds, topic) + coverage(corpus, pair.fromIds, topic) }))
        .filter((entry) => onTopic(entry.pair))
        .sort((a, b) => b.score - a.score);
      if (question.intent === 'same') return scored.slice(0, 1).map((entry) => entry.pair);
      const changed = scored.filter((entry) => entry.pair.status !== 'unchanged').map((entry) => entry.pair);
      return changed.length > 0 ? changed : scored.slice(0, 1).map((entry) => entry.pair);
    }
    case 'summary': {
      const edits = body
        .filter((pair) => pair.fromIds.length > 0 && pair.toIds.length > 0 && pair.status !== 'unchanged')
        .sort((a, b) => changeSize(b) - changeSize(a));
      // Operative paragraphs carry the decisions, so each part of the text gets its own quota.
      const picked = [
        ...balanced(corpus, body.filter((pair) => pair.status === 'added'), 2, 2),
        ...balanced(corpus, body.filter((pair) => pair.status === 'removed'), 2, 1),
        ...balanced(corpus, edits, 1, 2),
      ];
      const rest = [...body.filter((pair) => pair.status === 'added' || pair.status === 'removed'), ...edits].filter(
        (pair) => !picked.includes(pair),
      );
      return [...picked, ...rest];
    }
  }
}

/** Pairs holding the paragraphs the question names by number, read in the newer text first. */
function namedPairs(alignment: DocumentAlignment, question: ComparisonQuestion, from: ResolutionDocument, to: ResolutionDocument): AlignedPair[] {
  const found: AlignedPair[] = [];
  for (const unit of question.paragraphMentions) {
    const pair =
      alignment.pairs.find((candidate) => candidate.toIds.includes(`${to.symbol}:${unit}`)) ??
      alignment.pairs.find((candidate) => candidate.fromIds.includes(`${from.symbol}:${unit}`));
    if (pair && !found.includes(pair)) found.push(pair);
  }
  return found;
}

function balanced(corpus: CorpusStore, pairs: readonly AlignedPair[], preamble: number, operative: number): AlignedPair[] {
  const kindOf = (pair: AlignedPair): string | undefined => corpus.getUnit(pair.toIds[0] ?? pair.fromIds[0] ?? '')?.kind;
  const fromPreamble = pairs.filter((pair) => kindOf(pair) === 'preamble').slice(0, preamble);
  const fromOperative = pairs.filter((pair) => kindOf(pair) !== 'preamble').slice(0, operative);
  return pairs.filter((pair) => fromPreamble.includes(pair) || fromOperative.includes(pair));
}

const MAX_DETAIL_SENTENCES = 10;
const SUMMARY_DETAIL_SENTENCES = 10;

/**
 * Answers a question about what changed between versions of a resolution from the alignment of
 * the two versions, or returns null when the question is not about change. Every sentence cites
 * the units it rests on, from both versions where both exist.
 */
export function answerComparison(question: string, corpus: CorpusStore): ComparisonAnswer | null {
  const parsed = parseComparisonQuestion(question);
  if (!parsed) return null;
  const versions = chooseVersions(corpus, parsed, question);
  if (!versions) {
    return {
      sentences: [{ text: 'The corpus holds no earlier or later version of that resolution to compare it with.', unitIds: [] }],
      abstained: true,
      quotes: {},
    };
  }
  const { series, from, to, byDefault } = versions;
  const titleStems = contentStems(series.title);
  const topic = topicStems(parsed.topicWords).filter((stem) => !titleStems.has(stem));
  const aboutEverything =
    topic.length === 0 && parsed.paragraphMentions.length === 0 && (parsed.intent === 'changed' || parsed.intent === 'same');
  const effective: ComparisonQuestion = aboutEverything ? { ...parsed, intent: 'summary' } : parsed;
  const alignment = alignDocuments(from, to);
  const sentences: ComparisonSentence[] = [];
  // With two versions "both" is unambiguous and every sentence names them; with more, say which.
  if (byDefault && series.documents.length > 2) {
    sentences.push({
      text: `"${series.title}" has ${series.documents.length} versions in the corpus; this compares the latest, ${named(to)}, with the one before it, ${named(from)}.`,
      unitIds: [...documentUnitId(from), ...documentUnitId(to)],
    });
  }
  if (effective.intent === 'summary') sentences.push(summarySentence(corpus, alignment, from, to));
  const mentioned = namedPairs(alignment, effective, from, to);
  const pairs = mentioned.length > 0 ? mentioned : relevantPairs(corpus, alignment, effective, topic);
  const shown = effective.intent === 'summary' ? SUMMARY_DETAIL_SENTENCES : MAX_DETAIL_SENTENCES;
  const quotes: Record<string, string> = {};
  for (const pair of pairs.slice(0, shown)) {
    sentences.push(describePair(pair, corpus, to.symbol, topic));
    for (const [id, quote] of Object.entries(supportingQuotes(pair, corpus, topic))) quotes[id] ??= quote;
  }
  if (pairs.length > shown) {
    const rest = pairs.slice(shown);
    // Citing every remaining paragraph would bury the ones quoted above; the full list is the alignment.
    sentences.push({
      text: `${rest.length} more ${rest.length === 1 ? 'paragraph differs' : 'paragraphs differ'}; the side-by-side comparison of ${from.symbol} and ${to.symbol} lists every change.`,
      unitIds: [...documentUnitId(from), ...documentUnitId(to)],
    });
  }
  if (pairs.length === 0 && effective.intent !== 'summary') {
    return { sentences: [...sentences, noChangeSentence(corpus, alignment, effective, topic, from, to)], abstained: false, quotes };
  }
  return { sentences, abstained: false, quotes };
}

/** Says plainly that nothing matched, citing the paragraphs on the topic when there are some. */
function noChangeSentence(
  corpus: CorpusStore,
  alignment: DocumentAlignment,
  question: ComparisonQuestion,
  topic: string[],
  from: ResolutionDocument,
  to: ResolutionDocument,
): ComparisonSentence {
  const what = question.topicWords.length > 0 ? ` on ${question.topicWords.join(' ')}` : '';
  const verb = question.intent === 'removed' ? `dropped nothing${what} that ${named(from)} had` : `adds nothing${what} to ${named(from)}`;
  const related = alignment.pairs.filter((pair) => enough(coverage(corpus, pair.toIds, topic), topic)).slice(0, 3);
  const unitIds = related.length > 0 ? related.flatMap((pair) => [...pair.fromIds, ...pair.toIds]) : [...documentUnitId(from), ...documentUnitId(to)];
  return { text: `${named(to)} ${verb}.`, unitIds };
}

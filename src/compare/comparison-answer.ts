import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import { alignDocuments } from './align-documents.js';
import type { AlignedPair, DocumentAlignment } from './alignment-types.js';
import { changedRuns } from './word-diff.js';
import { type ComparisonSentence, describePair, supportingQuotes } from './change-description.js';
import { type ComparisonQuestion, parseComparisonQuestion, topicStems } from './comparison-question.js';
import { findVersion, type ResolutionSeries, yearOf } from './resolution-series.js';
import { topicRelevance, type TopicAlternatives, type TopicRelevance } from './topic-relevance.js';
import { chooseVersions } from './version-choice.js';
import { contentStems, isStopWord, stemWord, words } from './word-stems.js';

export interface ComparisonAnswer {
  sentences: ComparisonSentence[];
  abstained: boolean;
  /** For each cited unit, the words a citation should quote (the changed words when it changed). */
  quotes: Record<string, string>;
}

export interface ComparisonOptions {
  /** Formal terms query expansion found for the question's plain words ("locking up" → detention). */
  expansion?: ReadonlyArray<{ from: string; term: string }>;
}

/** Topic stems → stems of the formal terms standing in for them, in this module's stemming. */
function topicAlternatives(expansion: NonNullable<ComparisonOptions['expansion']>, topic: readonly string[]): Map<string, string[]> {
  const alternatives = new Map<string, string[]>();
  for (const entry of expansion) {
    const targets = words(entry.term).filter((word) => !isStopWord(word)).map(stemWord);
    for (const source of words(entry.from).map(stemWord).filter((stem) => topic.includes(stem))) {
      alternatives.set(source, [...new Set([...(alternatives.get(source) ?? []), ...targets])]);
    }
  }
  return alternatives;
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

function kindOf(corpus: CorpusStore, pair: AlignedPair): string | undefined {
  const id = pair.toIds[0] ?? pair.fromIds[0];
  return id ? corpus.getUnit(id)?.kind : undefined;
}

function isBody(corpus: CorpusStore, pair: AlignedPair): boolean {
  const kind = kindOf(corpus, pair);
  return kind !== undefined && BODY.has(kind);
}

/** Below this share of the topic's weight a paragraph is not about the topic. */
const RELEVANT = 0.5;
/** Paragraphs scoring this close to the best are as much about the topic; the rest are side mentions. */
const NEAR_BEST = 0.8;

interface ScoredPair {
  pair: AlignedPair;
  score: number;
  /** A whole paragraph added or dropped, rather than words added to or dropped from a kept one. */
  whole: boolean;
}

/** The pairs about the topic, best first: those near the best score, whole paragraphs before edits. */
function bestOnTopic(scored: readonly ScoredPair[]): ScoredPair[] {
  const onTopic = scored.filter((entry) => entry.score >= RELEVANT);
  const best = Math.max(0, ...onTopic.map((entry) => entry.score));
  return onTopic.filter((entry) => entry.score >= best * NEAR_BEST).sort((a, b) => b.score - a.score || Number(b.whole) - Number(a.whole));
}

function changedText(pair: AlignedPair, side: 'inserted' | 'deleted'): string {
  return changedRuns(pair.diff ?? []).map((run) => run[side]).join(' ');
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

/** Body pairs within the part of the text the question names. */
function bodyPairs(corpus: CorpusStore, alignment: DocumentAlignment, question: ComparisonQuestion): AlignedPair[] {
  return alignment.pairs.filter((pair) => {
    if (!isBody(corpus, pair)) return false;
    if (question.part === 'preamble') return kindOf(corpus, pair) === 'preamble';
    if (question.part === 'operative') return kindOf(corpus, pair) === 'operative';
    return true;
  });
}

/** Added (or dropped) paragraphs and words on the topic, the most on-topic first. */
function additionsOrRemovals(body: readonly AlignedPair[], relevance: TopicRelevance, question: ComparisonQuestion, topic: readonly string[]): AlignedPair[] {
  const added = question.intent === 'added';
  const side = added ? 'inserted' : 'deleted';
  const whole = body.filter((pair) => pair.status === (added ? 'added' : 'removed'));
  const edited = body.filter((pair) => pair.fromIds.length > 0 && pair.toIds.length > 0 && changeSize(pair) > 0 && changedText(pair, side).trim() !== '');
  // Without a topic, "what was dropped?" means whole paragraphs; "what is new?" also means new words.
  if (topic.length === 0) return added ? [...whole, ...edited] : whole;
  return bestOnTopic([
    ...whole.map((pair) => ({ pair, score: relevance.ofUnits(added ? pair.toIds : pair.fromIds), whole: true })),
    ...edited.map((pair) => ({ pair, score: relevance.ofStems(contentStems(changedText(pair, side))), whole: false })),
  ]).map((entry) => entry.pair);
}

function relevantPairs(
  corpus: CorpusStore,
  alignment: DocumentAlignment,
  question: ComparisonQuestion,
  topic: string[],
  alternatives: TopicAlternatives,
): AlignedPair[] {
  const body = bodyPairs(corpus, alignment, question);
  const relevance = topicRelevance(corpus, alignment, topic, alternatives);
  switch (question.intent) {
    case 'added':
    case 'removed':
      return additionsOrRemovals(body, relevance, question, topic);
    case 'same':
    case 'changed': {
      // "Whole" here means kept in both: of equally good matches, a question about sameness means one that was kept.
      const scored = bestOnTopic(body.map((pair) => ({ pair, score: relevance.ofPair(pair), whole: pair.fromIds.length > 0 && pair.toIds.length > 0 })));
      if (question.intent === 'same') return scored.slice(0, 1).map((entry) => entry.pair);
      const changed = scored.filter((entry) => entry.pair.status !== 'unchanged');
      return (changed.length > 0 ? changed : scored).slice(0, 3).map((entry) => entry.pair);
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

/**
 * Pairs holding the paragraphs the question names by number: in the version it ties the number
 * to ("paragraph 6 (m) of 74/148"), else read in the newer text first.
 */
function namedPairs(
  alignment: DocumentAlignment,
  question: ComparisonQuestion,
  series: ResolutionSeries,
  from: ResolutionDocument,
  to: ResolutionDocument,
): AlignedPair[] {
  const found: AlignedPair[] = [];
  question.paragraphMentions.forEach((unit, index) => {
    const version = question.paragraphVersions?.[index];
    const document = version === undefined ? undefined : findVersion(series, version);
    const inTo = (): AlignedPair | undefined => alignment.pairs.find((candidate) => candidate.toIds.includes(`${to.symbol}:${unit}`));
    const inFrom = (): AlignedPair | undefined => alignment.pairs.find((candidate) => candidate.fromIds.includes(`${from.symbol}:${unit}`));
    const pair = document === from ? inFrom() : document === to ? inTo() : (inTo() ?? inFrom());
    if (pair && !found.includes(pair)) found.push(pair);
  });
  return found;
}

function balanced(corpus: CorpusStore, pairs: readonly AlignedPair[], preamble: number, operative: number): AlignedPair[] {
  const kindOf = (pair: AlignedPair): string | undefined => corpus.getUnit(pair.toIds[0] ?? pair.fromIds[0] ?? '')?.kind;
  const fromPreamble = pairs.filter((pair) => kindOf(pair) === 'preamble').slice(0, preamble);
  const fromOperative = pairs.filter((pair) => kindOf(pair) !== 'preamble').slice(0, operative);
  return pairs.filter((pair) => fromPreamble.includes(pair) || fromOperative.includes(pair));
}

/** Beyond these, more paragraphs bury the ones that answer; the side-by-side view lists every change. */
const MAX_DETAIL_SENTENCES = 6;
const SUMMARY_DETAIL_SENTENCES = 10;

/**
 * Answers a question about what changed between versions of a resolution from the alignment of
 * the two versions, or returns null when the question is not about change. Every sentence cites
 * the units it rests on, from both versions where both exist.
 */
export function answerComparison(question: string, corpus: CorpusStore, options: ComparisonOptions = {}): ComparisonAnswer | null {
  const parsed = parseComparisonQuestion(question);
  if (!parsed) return null;
  const versions = chooseVersions(corpus, parsed, question);
  if (!versions && parsed.needsTwoVersions) return null;
  if (!versions) {
    return {
      sentences: [{ text: 'The corpus holds no earlier or later version of that resolution to compare it with.', unitIds: [] }],
      abstained: true,
      quotes: {},
    };
  }
  const { series, from, to, byDefault } = versions;
  if (parsed.needsTwoVersions && new Set(parsed.versionMentions.map((mention) => findVersion(series, mention)).filter(Boolean)).size < 2) {
    return null;
  }
  const titleStems = contentStems(series.title);
  const topic = topicStems(parsed.topicWords).filter((stem) => !titleStems.has(stem));
  const alternatives = topicAlternatives(options.expansion ?? [], topic);
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
  const mentioned = namedPairs(alignment, effective, series, from, to);
  const relevant = mentioned.length > 0 ? mentioned : relevantPairs(corpus, alignment, effective, topic, alternatives);
  const pairs = mentioned.length === 0 && effective.single && effective.intent !== 'summary' ? relevant.slice(0, 1) : relevant;
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
      unitIds: [],
    });
  }
  if (pairs.length === 0 && effective.intent !== 'summary') {
    const related = relatedPairs(corpus, alignment, effective, topic, alternatives);
    if (related.length === 0 && (effective.intent === 'same' || effective.intent === 'changed')) {
      const what = effective.topicWords.join(' ');
      return { sentences: [{ text: `Neither ${named(from)} nor ${named(to)} has a paragraph on ${what}.`, unitIds: [] }], abstained: true, quotes };
    }
    return { sentences: [...sentences, noChangeSentence(related, effective, from, to)], abstained: false, quotes };
  }
  return { sentences, abstained: false, quotes };
}

/** The paragraphs on the topic, whatever happened to them. */
function relatedPairs(
  corpus: CorpusStore,
  alignment: DocumentAlignment,
  question: ComparisonQuestion,
  topic: string[],
  alternatives: TopicAlternatives,
): AlignedPair[] {
  if (topic.length === 0) return [];
  const relevance = topicRelevance(corpus, alignment, topic, alternatives);
  const scored = bodyPairs(corpus, alignment, question).map((pair) => ({ pair, score: relevance.ofPair(pair), whole: false }));
  return bestOnTopic(scored)
    .slice(0, 3)
    .map((entry) => entry.pair);
}

/** Says plainly that nothing matched, citing the paragraphs on the topic when there are some. */
function noChangeSentence(related: readonly AlignedPair[], question: ComparisonQuestion, from: ResolutionDocument, to: ResolutionDocument): ComparisonSentence {
  const what = question.topicWords.length > 0 ? ` on ${question.topicWords.join(' ')}` : '';
  const verb = question.intent === 'removed' ? `dropped nothing${what} that ${named(from)} had` : `adds nothing${what} to ${named(from)}`;
  const unitIds = related.length > 0 ? related.flatMap((pair) => [...pair.fromIds, ...pair.toIds]) : [...documentUnitId(from), ...documentUnitId(to)];
  return { text: `${named(to)} ${verb}.`, unitIds };
}

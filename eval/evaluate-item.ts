import type { Answer } from '../src/answer/answer-types.js';
import { citationPrecision, citationRecall, citationValidity } from './citation-metrics.js';
import { isAnswerable, untypedLabel, type GoldenItem } from './golden-item.js';
import type { FailureLabel, ItemMetrics, ItemResult } from './item-result.js';
import { keyFactRecall, missingKeyFacts } from './key-fact-match.js';
import type { RelevanceJudgement } from './relevance-credit.js';
import { ndcgAtK, recallAtK, reciprocalRankAtK } from './retrieval-metrics.js';

/** An answerable item passes only if at least this share of its distinct citations is expected or acceptable. */
export const minimumPassingPrecision = 0.5;

export interface ItemOutcome {
  answer?: Answer;
  error?: string;
  latencyMs: number;
}

export interface EvaluateItemOptions {
  k: number;
  unitExists: (id: string) => boolean;
}

const orNull = (value: number | undefined): number | null => (value === undefined ? null : value);

/**
 * Scores one answer against its golden item. Pass rule (eval/README.md): an unanswerable item passes
 * when the answer abstains; an answerable one when it does not abstain, cites every expected id (or
 * an acceptable stand-in), at least half its citations are expected/acceptable, every citation is
 * valid, and every key fact appears in the answer text or the citations' quotes.
 */
export function evaluateItem(item: GoldenItem, outcome: ItemOutcome, options: EvaluateItemOptions): ItemResult {
  const answer = outcome.answer;
  const answerable = isAnswerable(item);
  const judgement: RelevanceJudgement = { expected: item.expected_citations, acceptable: item.acceptable_citations ?? [] };
  const retrieved = answer?.sources.map((source) => source.id) ?? [];
  const citedIds = answer?.citations.map((citation) => citation.id) ?? [];
  const visibleText = answer ? [answer.answer, ...answer.citations.map((citation) => citation.quote)].join('\n') : '';
  const validity = citationValidity(citedIds, retrieved, options.unitExists);
  const abstained = answer?.abstained ?? false;

  const precision = answerable ? citationPrecision(citedIds, judgement) : undefined;
  const recall = answerable ? citationRecall(citedIds, judgement) ?? 0 : undefined;
  const factRecall = answerable ? keyFactRecall(visibleText, item.key_facts) : undefined;
  const recallAtRunK = recallAtK(retrieved, judgement, options.k);

  let failure: FailureLabel | null = null;
  if (outcome.error !== undefined || !answer) failure = 'answer error';
  else if (!answerable) failure = abstained ? null : 'missed abstention';
  else if (abstained) failure = 'false abstention';
  else if (recallAtRunK === 0) failure = 'retrieval miss';
  else if ((recall ?? 0) < 1 || (precision ?? 0) < minimumPassingPrecision || validity.valid < validity.total) failure = 'wrong citation';
  else if ((factRecall ?? 1) < 1) failure = 'missing fact';
  const pass = failure === null;

  const metrics: ItemMetrics = {
    recallAt1: orNull(recallAtK(retrieved, judgement, 1)),
    recallAt5: orNull(recallAtK(retrieved, judgement, 5)),
    recallAt10: orNull(recallAtK(retrieved, judgement, 10)),
    recallAtK: orNull(recallAtRunK),
    mrrAt10: orNull(reciprocalRankAtK(retrieved, judgement, 10)),
    ndcgAt10: orNull(ndcgAtK(retrieved, judgement, 10)),
    citationPrecision: orNull(precision),
    citationRecall: orNull(recall),
    citationValidity: validity.total === 0 ? null : validity.valid / validity.total,
    keyFactRecall: orNull(factRecall),
    crag: pass ? 1 : answerable && abstained && outcome.error === undefined ? 0 : -1,
  };

  return {
    id: item.id,
    type: item.type ?? untypedLabel,
    question: item.question,
    history: item.history ?? [],
    answerable,
    expectedCitations: item.expected_citations,
    acceptableCitations: item.acceptable_citations ?? [],
    keyFacts: item.key_facts,
    answer: answer?.answer ?? '',
    abstained,
    answerer: answer?.answerer ?? null,
    citations: answer?.citations.map((citation) => ({ id: citation.id, label: citation.label, quote: citation.quote })) ?? [],
    retrieved,
    latencyMs: outcome.latencyMs,
    metrics,
    missingFacts: answerable && answer ? missingKeyFacts(visibleText, item.key_facts) : [],
    invalidCitations: [...validity.unknown, ...validity.unretrieved],
    pass,
    failure,
    error: outcome.error ?? null,
    judge: null,
  };
}

/** What the harness records per golden item: one line of results.jsonl. Metrics are null where undefined. */

export type FailureLabel =
  | 'retrieval miss'
  | 'wrong citation'
  | 'missing fact'
  | 'missed abstention'
  | 'false abstention'
  | 'answer error';

export interface ItemMetrics {
  recallAt1: number | null;
  recallAt5: number | null;
  recallAt10: number | null;
  /** Recall at the run's --k (equal to one of the above when k is 1, 5 or 10). */
  recallAtK: number | null;
  mrrAt10: number | null;
  ndcgAt10: number | null;
  citationPrecision: number | null;
  citationRecall: number | null;
  /** Valid citations over all citations of this answer; null when nothing was cited. */
  citationValidity: number | null;
  keyFactRecall: number | null;
  /** +1 correct, 0 abstained on an answerable item, −1 wrong (see eval/README.md). */
  crag: number;
}

export interface JudgeScores {
  faithfulness: number;
  correctness: number;
  reason: string;
  cached: boolean;
}

export interface CitedUnit {
  id: string;
  label: string;
  quote: string;
}

export interface ItemResult {
  id: string;
  type: string;
  question: string;
  history: Array<{ role: string; content: string }>;
  answerable: boolean;
  expectedCitations: string[];
  acceptableCitations: string[];
  keyFacts: string[];
  answer: string;
  abstained: boolean;
  answerer: string | null;
  citations: CitedUnit[];
  /** The answer's source ids, in order. */
  retrieved: string[];
  latencyMs: number;
  metrics: ItemMetrics;
  missingFacts: string[];
  /** Cited ids absent from the corpus or not among the retrieved sources. */
  invalidCitations: string[];
  pass: boolean;
  failure: FailureLabel | null;
  error: string | null;
  judge: JudgeScores | null;
}

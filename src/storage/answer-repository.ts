/**
 * Where answers and their feedback are kept, so evaluators can turn real questions into golden-set
 * items. One interface, two stores (SQLite by default, PostgreSQL for several replicas); the server
 * keeps nothing of its own, so every instance sees the same records.
 */

/** The same shape as the answer chain's citation; repeated here because storage sits below answer/. */
export interface StoredCitation {
  id: string;
  label: string;
  quote: string;
  url: string;
}

export interface StoredSource {
  id: string;
  label: string;
  score: number;
}

export interface StoredMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export interface StoredAnswer {
  answerId: string;
  /** ISO timestamp. */
  createdAt: string;
  conversationId?: string;
  /** The endpoint that produced it: `chat` (/api/chat) or `openai` (/v1/chat/completions). */
  channel: 'chat' | 'openai';
  question: string;
  /** The conversation before the question, oldest first. */
  history: StoredMessage[];
  answer: string;
  citations: StoredCitation[];
  sources: StoredSource[];
  abstained: boolean;
  answerer: string;
  fallback: boolean;
  timings: Record<string, number>;
  query?: string;
}

export type FeedbackRating = 'up' | 'down';

export interface FeedbackRecord {
  feedbackId: string;
  answerId: string;
  rating: FeedbackRating;
  comment?: string;
  createdAt: string;
}

export interface AnswerWithFeedback {
  answer: StoredAnswer;
  /** Oldest first; the last one is the user's final word. */
  feedback: FeedbackRecord[];
}

export interface AnswerRepository {
  /** Idempotent on answerId: saving the same answer twice keeps the first. */
  saveAnswer(answer: StoredAnswer): Promise<void>;
  getAnswer(answerId: string): Promise<StoredAnswer | undefined>;
  /** Returns false, storing nothing, when the answer is unknown. */
  saveFeedback(feedback: FeedbackRecord): Promise<boolean>;
  /** Answers that received at least one feedback, oldest answer first. */
  listAnswersWithFeedback(): Promise<AnswerWithFeedback[]>;
  close(): Promise<void>;
}

/** Groups joined answer/feedback rows (ordered by answer then feedback time) into records. */
export function groupFeedbackRows(rows: Array<{ answer: StoredAnswer; feedback: FeedbackRecord }>): AnswerWithFeedback[] {
  const grouped = new Map<string, AnswerWithFeedback>();
  for (const row of rows) {
    const entry = grouped.get(row.answer.answerId) ?? { answer: row.answer, feedback: [] };
    entry.feedback.push(row.feedback);
    grouped.set(row.answer.answerId, entry);
  }
  return [...grouped.values()];
}

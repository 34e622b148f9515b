import type { AnswerWithFeedback, StoredMessage } from './answer-repository.js';

/**
 * One golden-set JSONL line proposed from a logged answer (format of eval/README.md). A thumbs-up
 * makes the cited ids the expected citations (an abstention with a thumbs-up becomes an unanswerable
 * item); a thumbs-down is marked for review, since we only know the answer was wrong, not what is right.
 */
export interface GoldenSetCandidate {
  id: string;
  question: string;
  history?: StoredMessage[];
  type: 'feedback-up' | 'feedback-down';
  expected_citations: string[];
  key_facts: string[];
  answer: string;
  needs_review: boolean;
  /** What the assistant cited, kept for the reviewer of a thumbs-down. */
  cited?: string[];
  feedback_comment?: string;
  answered_at: string;
}

export function toGoldenSetCandidate(record: AnswerWithFeedback): GoldenSetCandidate {
  const { answer, feedback } = record;
  const last = feedback[feedback.length - 1];
  const approved = last?.rating === 'up';
  const citedIds = [...new Set(answer.citations.map((citation) => citation.id))];
  const comment = last?.comment?.trim();
  return {
    id: `feedback-${answer.answerId}`,
    question: answer.question,
    ...(answer.history.length > 0 ? { history: answer.history } : {}),
    type: approved ? 'feedback-up' : 'feedback-down',
    expected_citations: approved ? citedIds : [],
    key_facts: [],
    answer: answer.answer,
    needs_review: !approved,
    ...(approved ? {} : { cited: citedIds }),
    ...(comment ? { feedback_comment: comment } : {}),
    answered_at: answer.createdAt,
  };
}

export function toGoldenSetJsonl(records: readonly AnswerWithFeedback[]): string {
  return records.map((record) => JSON.stringify(toGoldenSetCandidate(record))).join('\n') + (records.length > 0 ? '\n' : '');
}

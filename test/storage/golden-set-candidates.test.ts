import { describe, expect, it } from 'vitest';
import { toGoldenSetCandidate, toGoldenSetJsonl } from '../../src/storage/golden-set-candidates.js';
import { sampleAnswer } from './answer-repository-contract.js';

const feedback = (rating: 'up' | 'down', comment?: string) => ({
  feedbackId: `f-${rating}`,
  answerId: 'a',
  rating,
  ...(comment ? { comment } : {}),
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('goldenSetCandidates', () => {
  it('should turn a thumbs-up into an item expecting the cited ids, with the history', () => {
    const answer = sampleAnswer({ answerId: 'a1' });
    expect(toGoldenSetCandidate({ answer, feedback: [feedback('down'), feedback('up', ' Spot on ')] })).toEqual({
      id: 'feedback-a1',
      question: 'Can migrants be detained?',
      history: answer.history,
      type: 'feedback-up',
      expected_citations: ['A/RES/76/172:OP5(b)'],
      key_facts: [],
      answer: answer.answer,
      needs_review: false,
      feedback_comment: 'Spot on',
      answered_at: answer.createdAt,
    });
  });

  it('should mark a thumbs-down for review without claiming its citations are right', () => {
    const candidate = toGoldenSetCandidate({ answer: sampleAnswer({ answerId: 'a2', history: [] }), feedback: [feedback('down', 'wrong year')] });
    expect(candidate).toMatchObject({ type: 'feedback-down', needs_review: true, expected_citations: [], cited: ['A/RES/76/172:OP5(b)'], feedback_comment: 'wrong year' });
    expect(candidate.history).toBeUndefined();
  });

  it('should write one JSON object per line', () => {
    const jsonl = toGoldenSetJsonl([
      { answer: sampleAnswer({ answerId: 'x' }), feedback: [feedback('up')] },
      { answer: sampleAnswer({ answerId: 'y', abstained: true, citations: [] }), feedback: [feedback('up')] },
    ]);
    const lines = jsonl.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; expected_citations: string[] });
    expect(lines.map((line) => [line.id, line.expected_citations])).toEqual([
      ['feedback-x', ['A/RES/76/172:OP5(b)']],
      ['feedback-y', []],
    ]);
    expect(toGoldenSetJsonl([])).toBe('');
  });
});

import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AnswerRepository, StoredAnswer } from '../../src/storage/answer-repository.js';

export function sampleAnswer(overrides: Partial<StoredAnswer> = {}): StoredAnswer {
  return {
    answerId: `answer-${randomUUID()}`,
    createdAt: '2026-01-02T03:04:05.000Z',
    channel: 'chat',
    question: 'Can migrants be detained?',
    history: [{ role: 'user', content: 'Hello' }, { role: 'assistant', content: 'Ask me about the resolutions.' }],
    answer: 'Only as a last resort [A/RES/76/172, para. 5 (b)].',
    citations: [{ id: 'A/RES/76/172:OP5(b)', label: 'A/RES/76/172, para. 5 (b)', quote: 'last resort', url: 'https://undocs.org/en/A/RES/76/172' }],
    sources: [{ id: 'A/RES/76/172:OP5(b)', label: 'A/RES/76/172, para. 5 (b)', score: 0.8 }],
    abstained: false,
    answerer: 'extractive',
    fallback: false,
    timings: { retrieval: 4, total: 9 },
    ...overrides,
  };
}

/** The behaviour both stores must share; each test file opens its own store. */
export function describeAnswerRepositoryContract(open: () => Promise<AnswerRepository>): void {
  it('should round-trip an answer and keep the first copy when saved twice', async () => {
    const repository = await open();
    try {
      const answer = sampleAnswer({ conversationId: 'conversation-1', query: 'detention migrants' });
      await repository.saveAnswer(answer);
      await repository.saveAnswer({ ...answer, answer: 'overwritten?' });
      expect(await repository.getAnswer(answer.answerId)).toEqual(answer);
      expect(await repository.getAnswer('answer-missing')).toBeUndefined();
    } finally {
      await repository.close();
    }
  });

  it('should refuse feedback for an unknown answer and list answers with their feedback in order', async () => {
    const repository = await open();
    try {
      const first = sampleAnswer({ createdAt: '2026-01-01T00:00:00.000Z' });
      const second = sampleAnswer({ createdAt: '2026-01-01T00:00:01.000Z', question: 'Children?' });
      const silent = sampleAnswer({ createdAt: '2026-01-01T00:00:02.000Z' });
      for (const answer of [first, second, silent]) await repository.saveAnswer(answer);
      expect(await repository.saveFeedback({ feedbackId: randomUUID(), answerId: 'answer-missing', rating: 'up', createdAt: '2026-01-01T00:01:00.000Z' })).toBe(false);
      expect(await repository.saveFeedback({ feedbackId: randomUUID(), answerId: second.answerId, rating: 'down', comment: 'Wrong paragraph', createdAt: '2026-01-01T00:01:00.000Z' })).toBe(true);
      expect(await repository.saveFeedback({ feedbackId: randomUUID(), answerId: first.answerId, rating: 'down', createdAt: '2026-01-01T00:01:01.000Z' })).toBe(true);
      expect(await repository.saveFeedback({ feedbackId: randomUUID(), answerId: first.answerId, rating: 'up', createdAt: '2026-01-01T00:01:02.000Z' })).toBe(true);
      const listed = (await repository.listAnswersWithFeedback()).filter((entry) =>
        [first.answerId, second.answerId, silent.answerId].includes(entry.answer.answerId),
      );
      expect(listed.map((entry) => entry.answer.answerId)).toEqual([first.answerId, second.answerId]);
      expect(listed[0]?.feedback.map((entry) => entry.rating)).toEqual(['down', 'up']);
      expect(listed[1]?.feedback[0]).toMatchObject({ rating: 'down', comment: 'Wrong paragraph', createdAt: '2026-01-01T00:01:00.000Z' });
      expect(listed[1]?.answer).toEqual(second);
    } finally {
      await repository.close();
    }
  });
}

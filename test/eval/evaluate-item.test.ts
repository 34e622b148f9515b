import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-types.js';
import { evaluateItem } from '../../eval/evaluate-item.js';
import type { GoldenItem } from '../../eval/golden-item.js';

const item: GoldenItem = {
  id: 'q',
  type: 'fact',
  question: 'Can migrants be detained?',
  expected_citations: ['D:OP5(a)'],
  acceptable_citations: ['O:OP5(a)'],
  key_facts: ['alternatives to detention'],
};
const unanswerable: GoldenItem = { id: 'u', question: 'Who voted?', expected_citations: [], key_facts: [] };
const known = new Set(['D:OP5(a)', 'O:OP5(a)', 'D:PP1', 'D:PP2']);
const options = { k: 10, unitExists: (id: string) => known.has(id) };

function answerWith(partial: Partial<Answer>): Answer {
  return {
    answerId: 'a',
    answer: 'States should pursue alternatives to detention.',
    citations: [{ id: 'D:OP5(a)', label: 'para. 5 (a)', quote: 'pursue alternatives to detention', url: 'u' }],
    abstained: false,
    sources: [
      { id: 'D:OP5(a)', label: '', score: 1 },
      { id: 'D:PP1', label: '', score: 0.5 },
    ],
    timings: {},
    answerer: 'extractive',
    ...partial,
  };
}

describe('evaluateItem', () => {
  it('should pass a correct cited answer and score it +1', () => {
    const result = evaluateItem(item, { answer: answerWith({}), latencyMs: 12 }, options);
    expect(result).toMatchObject({ pass: true, failure: null, metrics: { crag: 1, citationPrecision: 1, citationRecall: 1, keyFactRecall: 1, citationValidity: 1 } });
  });

  it('should accept the acceptable twin in place of the expected unit', () => {
    const answer = answerWith({
      citations: [{ id: 'O:OP5(a)', label: '', quote: 'alternatives to detention', url: '' }],
      sources: [{ id: 'O:OP5(a)', label: '', score: 1 }],
    });
    expect(evaluateItem(item, { answer, latencyMs: 1 }, options).pass).toBe(true);
  });

  it('should label a false abstention and score it 0', () => {
    const result = evaluateItem(item, { answer: answerWith({ abstained: true, citations: [], answer: 'Not stated.' }), latencyMs: 1 }, options);
    expect(result).toMatchObject({ pass: false, failure: 'false abstention', metrics: { crag: 0 } });
  });

  it('should label a retrieval miss when no relevant unit was retrieved', () => {
    const answer = answerWith({ citations: [{ id: 'D:PP1', label: '', quote: '', url: '' }], sources: [{ id: 'D:PP1', label: '', score: 1 }] });
    expect(evaluateItem(item, { answer, latencyMs: 1 }, options)).toMatchObject({ failure: 'retrieval miss', metrics: { crag: -1 } });
  });

  it('should label a wrong citation when the right unit was retrieved but not cited, or too much else was cited', () => {
    const uncited = answerWith({ citations: [{ id: 'D:PP1', label: '', quote: '', url: '' }] });
    expect(evaluateItem(item, { answer: uncited, latencyMs: 1 }, options).failure).toBe('wrong citation');
    const padded = answerWith({
      citations: ['D:OP5(a)', 'D:PP1', 'D:PP2'].map((id) => ({ id, label: '', quote: 'alternatives to detention', url: '' })),
      sources: ['D:OP5(a)', 'D:PP1', 'D:PP2'].map((id) => ({ id, label: '', score: 1 })),
    });
    const result = evaluateItem(item, { answer: padded, latencyMs: 1 }, options);
    expect(result.metrics.citationPrecision).toBeCloseTo(1 / 3, 10);
    expect(result.failure).toBe('wrong citation');
  });

  it('should fail an invented or unretrieved citation as invalid', () => {
    const invented = answerWith({
      citations: [
        { id: 'D:OP5(a)', label: '', quote: 'alternatives to detention', url: '' },
        { id: 'D:OP99', label: '', quote: '', url: '' },
      ],
    });
    const result = evaluateItem(item, { answer: invented, latencyMs: 1 }, options);
    expect(result).toMatchObject({ failure: 'wrong citation', invalidCitations: ['D:OP99'], metrics: { citationValidity: 0.5 } });
  });

  it('should label a missing fact when the citation is right but the fact is absent', () => {
    const answer = answerWith({ answer: 'See paragraph 5 (a).', citations: [{ id: 'D:OP5(a)', label: '', quote: 'calls upon States', url: '' }] });
    expect(evaluateItem(item, { answer, latencyMs: 1 }, options)).toMatchObject({ failure: 'missing fact', missingFacts: ['alternatives to detention'] });
  });

  it('should pass an abstention on an unanswerable item and label a missed one', () => {
    const abstained = evaluateItem(unanswerable, { answer: answerWith({ abstained: true, citations: [] }), latencyMs: 1 }, options);
    expect(abstained).toMatchObject({ pass: true, type: 'untyped', metrics: { crag: 1, recallAt5: null, citationRecall: null } });
    const answered = evaluateItem(unanswerable, { answer: answerWith({}), latencyMs: 1 }, options);
    expect(answered).toMatchObject({ pass: false, failure: 'missed abstention', metrics: { crag: -1 } });
  });

  it('should record an answer error as a failure', () => {
    expect(evaluateItem(item, { error: 'boom', latencyMs: 1 }, options)).toMatchObject({ pass: false, failure: 'answer error', error: 'boom', metrics: { crag: -1 } });
  });
});

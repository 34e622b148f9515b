import { describe, expect, it } from 'vitest';
import { parseComparisonQuestion } from '../../src/compare/comparison-question.js';

describe('parseComparisonQuestion', () => {
  it('should read a general question about change as a summary', () => {
    expect(parseComparisonQuestion('What changed between the 2019 and 2021 resolutions?')).toEqual({
      intent: 'summary',
      topicWords: [],
      versionMentions: ['2019', '2021'],
      paragraphMentions: [],
    });
  });

  it('should read paragraphs named by number', () => {
    expect(parseComparisonQuestion('Did preambular paragraph 25 and paragraph 5 (l) change since 2019?')).toMatchObject({
      intent: 'changed',
      topicWords: [],
      paragraphMentions: ['PP25', 'OP5(l)'],
    });
  });

  it('should find the topic and intent of narrower questions', () => {
    expect(parseComparisonQuestion('Is the paragraph on enforcing labour law the same in both?')).toMatchObject({
      intent: 'same',
      topicWords: ['enforcing', 'labour', 'law'],
    });
    expect(parseComparisonQuestion('What is new about COVID-19 in 2021?')).toMatchObject({
      intent: 'added',
      topicWords: ['covid-19'],
      versionMentions: ['2021'],
    });
    expect(parseComparisonQuestion('Did the 2021 text add anything on collective expulsion?')).toMatchObject({
      intent: 'added',
      topicWords: ['collective', 'expulsion'],
    });
    expect(parseComparisonQuestion('What was dropped in 2021?')).toMatchObject({ intent: 'removed', topicWords: [] });
    expect(parseComparisonQuestion("What's new?")).toMatchObject({ intent: 'added', topicWords: [] });
    expect(parseComparisonQuestion('What changed?')).toMatchObject({ intent: 'summary' });
    expect(parseComparisonQuestion('How did the wording on climate change change since 74/148?')).toMatchObject({
      intent: 'changed',
      topicWords: ['climate'],
      versionMentions: ['74/148'],
    });
  });

  it('should return null for questions about what one text says', () => {
    expect(parseComparisonQuestion('What does the resolution say about detention of migrant children?')).toBeNull();
    expect(parseComparisonQuestion('Does the resolution call on States to change their laws?')).toBeNull();
    expect(parseComparisonQuestion('What does it say about the New York Declaration?')).toBeNull();
    expect(parseComparisonQuestion('What new obligations does the resolution create for States?')).toBeNull();
    expect(parseComparisonQuestion('Which Treaty Series volume is cited for the Convention on the Rights of the Child?')).toBeNull();
  });
});

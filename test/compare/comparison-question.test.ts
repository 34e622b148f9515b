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

  it('should need real change or version intent, not "still" or "same" alone', () => {
    expect(parseComparisonQuestion('Do migrants without papers still have human rights?')).toBeNull();
    expect(parseComparisonQuestion('Do migrants have the same rights as nationals?')).toBeNull();
    expect(parseComparisonQuestion('Is the paragraph on detention still the same?')).toMatchObject({ intent: 'same' });
  });

  it('should read "kept" and questions put to both versions as questions about sameness', () => {
    expect(parseComparisonQuestion('Was the request on the High-level Dialogue kept in 2021?')).toMatchObject({ intent: 'same', topicWords: ['request', 'high-level', 'dialogue'] });
    expect(parseComparisonQuestion('Does policy coherence include the local level in both versions?')).toMatchObject({ intent: 'same' });
  });

  it('should mark a question that only names two versions, so the answer can check they are versions', () => {
    expect(parseComparisonQuestion('Which session is named under the 2019 resolution and under the 2021 one?')).toMatchObject({
      intent: 'same',
      needsTwoVersions: true,
      versionMentions: ['2019', '2021'],
    });
    expect(parseComparisonQuestion('What does the 2021 resolution say about detention?')).toBeNull();
  });

  it('should tie a paragraph number to the version named with it', () => {
    expect(parseComparisonQuestion('In 74/148 the call was paragraph 6 (m). Where is it in 76/172?')).toMatchObject({
      paragraphMentions: ['OP6(m)'],
      paragraphVersions: ['74/148'],
      versionMentions: ['74/148', '76/172'],
    });
    expect(parseComparisonQuestion('Is paragraph 8 of the 2021 text the same as in 2019?')).toMatchObject({ paragraphVersions: ['2021'] });
    expect(parseComparisonQuestion('How did operative paragraph 1 change between 74/148 and 76/172?')!.paragraphVersions).toBeUndefined();
  });

  it('should note the part of the text and whether one paragraph is asked for', () => {
    expect(parseComparisonQuestion('Which preambular paragraph did the 2021 resolution add on COVID-19?')).toMatchObject({ part: 'preamble', single: true });
    expect(parseComparisonQuestion('What did the 2021 resolution add about COVID-19?')).not.toHaveProperty('single');
  });

  it('should not take the direction of a change for its topic', () => {
    expect(parseComparisonQuestion('Did the 2021 text soften or harden the 2019 wording on remittances?')?.topicWords).toEqual(['remittances']);
  });
});

import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../src/compare/align-documents.js';
import { topicRelevance } from '../../src/compare/topic-relevance.js';
import { stemWord } from '../../src/compare/word-stems.js';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { syntheticDocument } from './synthetic-document.js';

const title = 'Roads';
const paragraphs = [
  { unit: 'OP1', text: 'Calls upon States to report on road safety targets;' },
  { unit: 'OP2', text: 'Encourages States to report on road maintenance;' },
  { unit: 'OP3', text: 'Invites States to report on road tolls and their targets;' },
  { unit: 'OP4', text: 'Urges States to report on road lighting;' },
];
const older = syntheticDocument('A/RES/70/2', { date: '2015-12-01', title }, paragraphs);
const newer = syntheticDocument('A/RES/72/2', { date: '2017-12-01', title }, paragraphs);
const corpus = createCorpusStore([older, newer]);
const alignment = alignDocuments(older, newer);
const pairOf = (unit: string) => alignment.pairs.find((pair) => pair.toIds.includes(`A/RES/72/2:${unit}`))!;

describe('topicRelevance', () => {
  it('should weigh a rare topic word above a common one', () => {
    const relevance = topicRelevance(corpus, alignment, ['tolls', 'lighting', 'report'].map(stemWord));
    // OP3 and OP4 each hold one rare word and "report"; OP2 holds only "report", which every paragraph has.
    expect(relevance.ofPair(pairOf('OP3'))).toBeCloseTo(relevance.ofPair(pairOf('OP4')));
    expect(relevance.ofPair(pairOf('OP3'))).toBeGreaterThan(0.5);
    expect(relevance.ofPair(pairOf('OP2'))).toBeLessThan(0.2);
  });

  it('should score 1 when a text holds every topic word and 0 when it holds none', () => {
    const relevance = topicRelevance(corpus, alignment, ['safety', 'targets'].map(stemWord));
    expect(relevance.ofUnits(['A/RES/72/2:OP1'])).toBe(1);
    expect(relevance.ofUnits(['A/RES/72/2:OP4'])).toBe(0);
    expect(relevance.ofStems(new Set())).toBe(0);
  });

  it('should let the words the texts use decide when the question also uses a word neither version has', () => {
    const relevance = topicRelevance(corpus, alignment, ['tolls', 'congestion'].map(stemWord));
    expect(relevance.ofPair(pairOf('OP3'))).toBeGreaterThan(0.5);
    expect(topicRelevance(corpus, alignment, ['congestion'].map(stemWord)).ofPair(pairOf('OP3'))).toBe(0);
  });

  it('should count a plain word through the formal word that stands in for it', () => {
    const topic = ['fees', 'tolls'].map(stemWord).slice(0, 1);
    expect(topicRelevance(corpus, alignment, topic).ofPair(pairOf('OP3'))).toBe(0);
    const relevance = topicRelevance(corpus, alignment, topic, new Map([[stemWord('fees'), [stemWord('tolls')]]]));
    expect(relevance.ofPair(pairOf('OP3'))).toBeGreaterThan(0.5);
    expect(relevance.ofPair(pairOf('OP3'))).toBeLessThan(1);
    expect(relevance.ofPair(pairOf('OP4'))).toBe(0);
  });
});

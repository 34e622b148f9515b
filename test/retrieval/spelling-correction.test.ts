import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainThesaurus } from '../../src/retrieval/query-expansion.js';
import { createSpellingCorrector, editDistance, wordsOf } from '../../src/retrieval/spelling-correction.js';
import { createWordNetLookup } from '../../src/retrieval/wordnet-synonyms.js';

const corpusText = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'].map((path) => readFileSync(path, 'utf8'));
const wordNet = createWordNetLookup();
// As the answer service builds it: the corpus words plus the plain words the thesaurus knows.
const dictionary = [...wordsOf(corpusText), ...wordsOf(Object.keys(loadDomainThesaurus()))];
const corrector = createSpellingCorrector(dictionary, (word) => wordNet.isKnownWord(word));

describe('createSpellingCorrector', () => {
  it('should correct misspelt corpus words', () => {
    expect(corrector.correct('can migrnats be detaned').text).toBe('can migrants be detained');
    expect(corrector.correct('vienna conventon on consular relatons').text).toBe('vienna convention on consular relations');
    expect(corrector.correct('traffiking victims and witneses').text).toBe('trafficking victims and witnesses');
  });

  it('should leave real words, short words and names it cannot place alone', () => {
    expect(corrector.correct('Can kids go to school?').corrections).toEqual([]);
    expect(corrector.correct('the Rohingya crisis').corrections).toEqual([]);
    expect(corrector.correct('biometric data').corrections).toEqual([]);
  });

  it('should take comparatives and doubled-consonant forms for the real words they are', () => {
    expect(corrector.correct('did it get stronger or weaker').corrections).toEqual([]);
    expect(corrector.correct('they stopped planning').corrections).toEqual([]);
  });
});

describe('createSpellingCorrector with dictionary words as a last resort', () => {
  const withWordNet = createSpellingCorrector(dictionary, (word) => wordNet.isKnownWord(word), wordNet.singleWords());

  it('should prefer a dictionary word that keeps the first letter to a corpus word that drops it', () => {
    // The thesaurus lists "illegally" (a plain word for irregular), so the corpus dictionary alone knows it too.
    expect(corrector.correct('who ilegally hold migrants').text).toBe('who illegally hold migrants');
    expect(withWordNet.correct('who ilegally hold migrants').text).toBe('who illegally hold migrants');
  });

  it('should still prefer corpus words and never rewrite function words', () => {
    expect(withWordNet.correct('can migrnats be detaned').text).toBe('can migrants be detained');
    expect(withWordNet.correct('does it say anything about that?').corrections).toEqual([]);
    expect(withWordNet.correct('the Rohingya crisis').corrections).toEqual([]);
  });
});

describe('editDistance', () => {
  it('should count a swap of neighbours as one edit', () => {
    expect(editDistance('migrnats', 'migrants')).toBe(1);
    expect(editDistance('detaned', 'detained')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { createWordNetLookup } from '../../src/retrieval/wordnet-synonyms.js';

const wordNet = createWordNetLookup();

describe('createWordNetLookup', () => {
  it('should list every part of speech of a word and of its base forms', () => {
    expect(wordNet.partsOfSpeech('turning')).toEqual(expect.arrayContaining(['noun', 'verb']));
    expect(wordNet.partsOfSpeech('city')).toEqual(['noun']);
    expect(wordNet.partsOfSpeech('zzzqx')).toEqual([]);
  });

  it('should know comparatives and doubled-consonant forms through their base word', () => {
    expect(['stronger', 'weaker', 'bigger', 'earlier', 'stopped', 'planning'].every((word) => wordNet.isKnownWord(word))).toBe(true);
    expect(wordNet.partsOfSpeech('stronger')).toEqual(['adj']);
    expect(wordNet.isKnownWord('ther')).toBe(false);
  });

  it('should know irregular forms as forms of their verb, not only as the nouns they spell', () => {
    expect(wordNet.partsOfSpeech('sent')).toContain('verb');
    expect(wordNet.partsOfSpeech('fled')).toContain('verb');
    // Only to tell what the word is: "meant" must not bring the synonyms of the noun "mean" (average).
    expect(wordNet.synonyms('meant')).not.toContain('average');
  });

  it('should relate a word to its derivations and broader terms', () => {
    expect(wordNet.relatedWords('citizen')).toContain('citizenship');
    expect(wordNet.relatedWords('mistreatment')).toContain('abuse');
    expect(wordNet.relatedWords('female')).toContain('person');
  });

  it('should not reduce an unknown compound to its last word', () => {
    expect(wordNet.isKnownWord('capital_morocco')).toBe(false);
    expect(wordNet.isKnownWord('artificial_intelligence')).toBe(true);
    expect(wordNet.isKnownWord('locked_up')).toBe(true);
  });

  it('should climb to broader terms, instances included: a named city is a city', () => {
    expect(wordNet.broaderTerms('quito')).toContain('city');
    expect(wordNet.broaderTerms('ecuador')).not.toContain('city');
  });

  it('should not relate a name to its class', () => {
    expect(wordNet.relatedWords('tuvalu')).not.toContain('country');
  });
});

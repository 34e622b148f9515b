import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseForm, createQueryExpansion, loadDomainThesaurus, phrasePositions, vocabularyOf, wordsWithForms } from '../../src/retrieval/query-expansion.js';
import { stem, tokenize } from '../../src/retrieval/text-terms.js';
import { createWordNetLookup } from '../../src/retrieval/wordnet-synonyms.js';

const corpusText = ['corpus/A_RES_76_172.txt', 'corpus/A_RES_74_148.txt'].map((path) => readFileSync(path, 'utf8'));
const vocabulary = vocabularyOf(corpusText);
const wordNet = createWordNetLookup();

describe('createQueryExpansion', () => {
  it('should only map to words the bundled corpus uses', () => {
    const thesaurus = loadDomainThesaurus();
    const missing = Object.values(thesaurus)
      .flat()
      .flatMap((target) => tokenize(target))
      .filter((word) => !vocabulary.has(stem(word)));
    expect(missing).toEqual([]);
  });

  it('should turn plain language into the formal terms of the resolutions', () => {
    const expansion = createQueryExpansion({ thesaurus: loadDomainThesaurus() });
    const terms = (text: string) => expansion.expand(text).added.map((entry) => entry.term);
    expect(terms('Can kids be locked up?')).toEqual(expect.arrayContaining(['children', 'detention']));
    expect(terms('jobs for migrants')).toEqual(expect.arrayContaining(['employment', 'labour']));
    expect(terms('can they be held while their papers are checked')).toEqual(
      expect.arrayContaining(['assessments of migration status']),
    );
  });

  it('should use WordNet for words the corpus never uses, keeping only synonyms it does use', () => {
    const expansion = createQueryExpansion({ wordNet, vocabulary });
    const added = expansion.expand('are kids protected').added;
    expect(added.map((entry) => entry.term)).toContain('child');
    expect(added.every((entry) => entry.source === 'wordnet')).toBe(true);
    for (const entry of added) expect(tokenize(entry.term).every((word) => vocabulary.has(stem(word)))).toBe(true);
    // "protected" is a corpus word, so WordNet is not asked about it.
    expect(added.some((entry) => entry.from === 'protected')).toBe(false);
  });

  it('should map a two-word idiom to the one formal word the corpus uses', () => {
    const expansion = createQueryExpansion({ wordNet, vocabulary });
    const added = expansion.expand('Who may take part in the Forum?').added;
    expect(added).toContainEqual({ from: 'take part', term: 'participate', source: 'wordnet' });
  });

  it('should add a derived form the corpus uses, but not a mere sense of the word', () => {
    const expansion = createQueryExpansion({ wordNet, vocabulary });
    expect(expansion.expand('Can a citizen go back?').added.map((entry) => entry.term)).toContain('citizenship');
    expect(expansion.expand('Must each country accept refugees?').added.map((entry) => entry.term)).not.toContain('adoption');
  });

  it('should leave the original words first in the expanded text', () => {
    const expansion = createQueryExpansion({ thesaurus: loadDomainThesaurus() });
    expect(expansion.expand('kids').text.startsWith('kids ')).toBe(true);
    expect(expansion.expand('treaty body reports').text).toContain('convention');
  });

  it('should map everyday migration vocabulary to the formal terms of the resolutions', () => {
    const expansion = createQueryExpansion({ thesaurus: loadDomainThesaurus() });
    const terms = (text: string) => expansion.expand(text).added.map((entry) => entry.term);
    expect(terms('Should entering without permission be treated as a crime?')).toEqual(expect.arrayContaining(['irregular', 'criminal']));
    expect(terms('Can foreign workers join a union?')).toEqual(expect.arrayContaining(['migrant workers', 'freedom of association']));
    expect(terms('Are expulsions en masse allowed?')).toContain('collective expulsion');
    expect(terms('Can asylum seekers be pushed back?')).toEqual(expect.arrayContaining(['international protection', 'non-refoulement']));
    expect(terms('What about the independent expert on migrants?')).toContain('Special Rapporteur');
    expect(terms('people fleeing droughts and storms')).toContain('natural disasters');
    expect(terms('Are recruitment fees charged to workers?')).toContain('fair and ethical recruitment');
  });

  it('should match every inflected form of an entry', () => {
    const expansion = createQueryExpansion({ thesaurus: loadDomainThesaurus() });
    const terms = (text: string) => expansion.expand(text).added.map((entry) => entry.term);
    expect(terms('Did they stop locking up migrant children?')).toContain('detention');
    expect(terms('Each country decides its policy')).toContain('determine');
    // The question's own words are reported, so later stages can find them in the question.
    expect(expansion.expand('Can they be expelling migrants?').added).toContainEqual({ from: 'expelling', term: 'expulsion', source: 'thesaurus' });
  });

  it('should not match a one-word entry through a shorter word that shares its Porter stem', () => {
    const expansion = createQueryExpansion({ thesaurus: { regularize: ['pathways'] } });
    expect(expansion.expand('safe, orderly and regular migration').added).toEqual([]);
    expect(expansion.expand('can they regularize migrants').added.map((entry) => entry.term)).toEqual(['pathways']);
  });

  it('should find a phrasal verb whose object stands between verb and particle', () => {
    const expansion = createQueryExpansion({ thesaurus: { 'send back': ['non-refoulement'] } });
    expect(expansion.expand('not sending someone back to danger').added.map((entry) => entry.term)).toEqual(['non-refoulement']);
    // Only a particle may stand apart: "send" followed later by "back" with two words between is no match.
    expect(expansion.expand('send the money home back').added).toEqual([]);
  });

  it('should let the longest phrase claim its words', () => {
    const expansion = createQueryExpansion({ thesaurus: { hold: ['custody'], 'held captive': ['illegal deprivation of liberty'] } });
    expect(expansion.expand('migrants held captive by gangs').added.map((entry) => entry.term)).toEqual(['illegal deprivation of liberty']);
  });
});

describe('baseForm', () => {
  it('should drop inflections but keep words of other meanings apart', () => {
    expect(['locked', 'locking', 'lock'].map(baseForm)).toEqual(['lock', 'lock', 'lock']);
    expect(baseForm('families')).toBe(baseForm('family'));
    expect(baseForm('regularize')).not.toBe(baseForm('regular'));
    expect(baseForm('criminalize')).not.toBe(baseForm('criminal'));
  });
});

describe('phrasePositions', () => {
  it('should refuse words another phrase already claimed', () => {
    const entry = wordsWithForms(['locked', 'up']);
    expect(phrasePositions(entry, wordsWithForms(['locking', 'up']), 0)).toEqual([0, 1]);
    expect(phrasePositions(entry, wordsWithForms(['locking', 'up']), 0, new Set([1]))).toBeUndefined();
  });

  it('should not read a plural entry into its shorter singular', () => {
    expect(phrasePositions(wordsWithForms(['unions']), wordsWithForms(['union']), 0)).toBeUndefined();
    expect(phrasePositions(wordsWithForms(['expel']), wordsWithForms(['expelling']), 0)).toEqual([0]);
  });
});

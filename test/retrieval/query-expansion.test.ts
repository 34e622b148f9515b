import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createQueryExpansion, loadDomainThesaurus, vocabularyOf } from '../../src/retrieval/query-expansion.js';
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
});

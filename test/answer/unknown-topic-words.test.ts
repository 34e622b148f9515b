import { describe, expect, it } from 'vitest';
import { createUnknownTopicDetector } from '../../src/answer/unknown-topic-words.js';
import { vocabularyOf } from '../../src/retrieval/query-expansion.js';
import { createWordNetLookup } from '../../src/retrieval/wordnet-synonyms.js';

const vocabulary = vocabularyOf([
  'The General Assembly underlines the right of migrants to return to their country of citizenship.',
  'Recalling the Global Compact adopted in Marrakech, Morocco, and the information campaigns on migration.',
  'Strongly condemns acts of hate crimes against migrants and persons in vulnerable situations.',
]);
const detect = createUnknownTopicDetector({ vocabulary, wordNet: createWordNetLookup() });
const words = (text: string) => detect(text, []).map((entry) => entry.word);

describe('createUnknownTopicDetector', () => {
  it('should flag a noun and a capitalised name the corpus never uses', () => {
    expect(words('What is the capital of Morocco?')).toEqual(['capital']);
    expect(words('What does the resolution say about the Rohingya crisis?')).toContain('rohingya');
  });

  it('should not flag words that are also verbs, quantifiers or words the corpus uses', () => {
    expect(words('Is entering without papers a crime?')).not.toContain('entering');
    expect(words('Who keeps turning away migrants?')).not.toContain('turning');
    expect(words('How many migrants are there?')).toEqual([]);
    expect(words('What kind of support should migrants be able to get?')).toEqual([]);
  });

  it('should name the corpus words a flagged word is related to', () => {
    const [citizen] = detect('Can a citizen go back?', []);
    expect(citizen?.word).toBe('citizen');
    expect(citizen?.relatedStems).toContain('citizenship');
  });

  it('should treat a WordNet compound as one concept, not relate it through its parts', () => {
    const found = detect('Does it regulate artificial intelligence at borders?', []);
    expect(found.map((entry) => entry.word)).toEqual(['artificial intelligence']);
    expect(found[0]!.relatedStems).not.toContain('inform');
  });

  it('should leave a word alone when query expansion already mapped it', () => {
    expect(words('What about the capital?')).toEqual(['capital']);
    expect(detect('What about the capital?', [{ from: 'capital' }])).toEqual([]);
  });
});

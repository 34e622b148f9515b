import { describe, expect, it } from 'vitest';
import { parseOrdinal, parseParagraphReferences } from '../../src/retrieval/paragraph-reference.js';

const units = (question: string) => parseParagraphReferences(question).map((reference) => reference.unit);

describe('parseParagraphReferences', () => {
  it('should read operative paragraphs written in the usual ways', () => {
    expect(units('what does 6 (c) of 76/172 say?')).toEqual(['OP6(c)']);
    expect(units('op 14')).toEqual(['OP14']);
    expect(units('operative paragraph 5(b)')).toEqual(['OP5(b)']);
    expect(units('What is in para. 11 (g)?')).toEqual(['OP11(g)']);
    expect(units('paragraph 4 (a) (ii)')).toEqual(['OP4(a)(ii)']);
    expect(units('subparagraph (c) of paragraph 6')).toEqual(['OP6(c)']);
  });

  it('should read preambular paragraphs by ordinal or number', () => {
    expect(units('the fourth preambular paragraph')).toEqual(['PP4']);
    expect(units('preamble para 3')).toEqual(['PP3']);
    expect(units('the twenty-first preambular paragraph')).toEqual(['PP21']);
    expect(units('third paragraph of the preamble')).toEqual(['PP3']);
  });

  it('should read footnotes', () => {
    expect(units('footnote 12')).toEqual(['FN12']);
    expect(units('What does fn 3 cite?')).toEqual(['FN3']);
  });

  it('should not take resolution symbols, years or agenda items for paragraphs', () => {
    expect(units('What does A/RES/74/148 say about detention?')).toEqual([]);
    expect(units('Under agenda item 74 (b) what was adopted?')).toEqual([]);
    expect(units('in the 2019 resolution')).toEqual([]);
  });

  it('should parse ordinal words and numerals', () => {
    expect(parseOrdinal('fourth')).toBe(4);
    expect(parseOrdinal('twenty-third')).toBe(23);
    expect(parseOrdinal('3rd')).toBe(3);
    expect(parseOrdinal('banana')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeSearchTerm } from '../../src/retrieval/search-term.js';

describe('normalizeSearchTerm', () => {
  it('should drop stop words', () => {
    expect(normalizeSearchTerm('the')).toBeNull();
    expect(normalizeSearchTerm('Which')).toBeNull();
  });

  it('should keep negations, which carry meaning in resolutions', () => {
    expect(normalizeSearchTerm('not')).toBe('not');
  });

  it('should bring inflections of one verb to one Porter stem', () => {
    const stems = ['detained', 'detain', 'detaining', 'detains'].map(normalizeSearchTerm);
    expect(new Set(stems)).toEqual(new Set(['detain']));
  });

  it('should leave "detention" on a different stem than "detained", as Porter does', () => {
    // Porter stems "detention" to "detent": derivational suffixes are not conflated.
    expect(normalizeSearchTerm('detention')).toBe('detent');
    expect(normalizeSearchTerm('detention')).not.toBe(normalizeSearchTerm('detained'));
  });

  it('should map irregular plurals to the singular stem', () => {
    expect(normalizeSearchTerm('children')).toBe(normalizeSearchTerm('child'));
    expect(normalizeSearchTerm('Women')).toBe(normalizeSearchTerm('woman'));
  });

  it('should keep numbers as they are and strip possessives', () => {
    expect(normalizeSearchTerm('172')).toBe('172');
    expect(normalizeSearchTerm("State's")).toBe(normalizeSearchTerm('State'));
  });
});

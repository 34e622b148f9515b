import { describe, expect, it } from 'vitest';
import { termCoverage } from '../../src/answer/clause-selection.js';

const evenWeights = { idf: () => 1 };

describe('termCoverage', () => {
  it('should count a formal phrase standing in for a plain word only where all its words are', () => {
    const terms = { own: ['ilo', 'convent'], expanded: [], alternatives: new Map([['ilo', ['intern labour organ']]]) };
    expect(termCoverage(terms, new Set(['intern', 'convent']), evenWeights)).toBe(0.5);
    const whole = termCoverage(terms, new Set(['intern', 'labour', 'organ', 'convent']), evenWeights);
    expect(whole).toBeGreaterThan(0.5);
    expect(whole).toBeLessThan(1);
  });

  it('should count a one-word stand-in where that word is', () => {
    const terms = { own: ['kid'], expanded: [], alternatives: new Map([['kid', ['child']]]) };
    expect(termCoverage(terms, new Set(['child']), evenWeights)).toBeCloseTo(0.8);
    expect(termCoverage(terms, new Set(['adult']), evenWeights)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { namesNumberedPart, numberedParts } from '../../src/answer/numbered-part.js';

describe('numberedParts', () => {
  it('should find the numbered parts of other instruments a question cites', () => {
    expect(numberedParts('What does objective 13 of the Global Compact say about Goal 10 and target 10.7?')).toEqual([
      { noun: 'objective', number: '13' },
      { noun: 'goal', number: '10' },
      { noun: 'target', number: '10.7' },
    ]);
  });

  it('should not take a bare number or a date for a numbered part', () => {
    expect(numberedParts('What happened on 13 November 2020 to 30 migrants?')).toEqual([]);
  });
});

describe('namesNumberedPart', () => {
  it('should accept a text naming the part, also within a list', () => {
    expect(namesNumberedPart('recalling Sustainable Development Goals 8 and 10, including the targets', { noun: 'goal', number: '10' })).toBe(true);
    expect(namesNumberedPart('including its target 10.7 on the facilitation of orderly migration', { noun: 'target', number: '10.7' })).toBe(true);
  });

  it('should refuse a text that merely holds the number', () => {
    expect(namesNumberedPart('presented on 12 and 13 November 2020', { noun: 'objective', number: '13' })).toBe(false);
    expect(namesNumberedPart('its target 1017', { noun: 'target', number: '10.7' })).toBe(false);
  });
});

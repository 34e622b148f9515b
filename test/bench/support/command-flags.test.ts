import { describe, expect, it } from 'vitest';
import { readFlag, readListFlag, readNumberFlag } from '../../../bench/support/command-flags.js';

describe('command flags', () => {
  it('should read spaced and equals forms', () => {
    expect(readFlag(['--minutes', '3'], 'minutes')).toBe('3');
    expect(readFlag(['--minutes=4'], 'minutes')).toBe('4');
    expect(readFlag(['--other', '1'], 'minutes')).toBeUndefined();
  });

  it('should parse numbers and lists with fallbacks', () => {
    expect(readNumberFlag(['--passes', '7'], 'passes', 5)).toBe(7);
    expect(readNumberFlag([], 'passes', 5)).toBe(5);
    expect(() => readNumberFlag(['--passes', 'many'], 'passes', 5)).toThrow(/--passes expects a number/);
    expect(readListFlag(['--sizes', '10000, 100000'], 'sizes', ['1'])).toEqual(['10000', '100000']);
  });
});

import { describe, expect, it } from 'vitest';
import { changedRuns, wordDiff } from '../../src/compare/word-diff.js';

describe('wordDiff', () => {
  it('should keep hyphenated words whole, so a changed ordinal reads as the whole word', () => {
    const runs = changedRuns(wordDiff('at its seventy-fifth session, as a way', 'at its seventy-seventh session, as a way'));
    expect(runs).toEqual([{ deleted: 'seventy-fifth', inserted: 'seventy-seventh' }]);
  });

  it('should give back the newer text exactly, and the older one but for spacing, which is not a change', () => {
    const from = 'Calls upon States to  end detention, when applicable;';
    const to = 'Calls upon States to end detention;';
    const segments = wordDiff(from, to);
    const side = (skipped: string): string => segments.filter((segment) => segment.op !== skipped).map((segment) => segment.text).join('');
    expect(side('delete')).toBe(to);
    expect(side('insert').replace(/\s+/g, ' ')).toBe(from.replace(/\s+/g, ' '));
    expect(changedRuns(segments)).toEqual([{ deleted: 'when applicable', inserted: '' }]);
  });
});

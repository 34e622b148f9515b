import { describe, expect, it } from 'vitest';
import { unitLabel } from '../../src/corpus/unit-label.js';

describe('unitLabel', () => {
  it('should write the labels users cite', () => {
    const symbol = 'A/RES/76/172';
    expect(unitLabel(symbol, 'OP5(b)')).toBe('A/RES/76/172, para. 5 (b)');
    expect(unitLabel(symbol, 'OP5(b)(ii)')).toBe('A/RES/76/172, para. 5 (b) (ii)');
    expect(unitLabel(symbol, 'PP3')).toBe('A/RES/76/172, preamble, para. 3');
    expect(unitLabel(symbol, 'FN31')).toBe('A/RES/76/172, footnote 31');
    expect(unitLabel(symbol, 'HEADER')).toBe('A/RES/76/172, title block');
    expect(unitLabel(symbol, 'FOOTER')).toBe('A/RES/76/172, adoption line');
  });

  it('should label annexes, lettered sections and articles', () => {
    expect(unitLabel('S/RES/263 (1969)', 'ANNEX')).toBe('S/RES/263 (1969), annex');
    expect(unitLabel('S/RES/263 (1969)', 'ANNEX:P3')).toBe('S/RES/263 (1969), annex, para. 3');
    expect(unitLabel('S/RES/1454 (2002)', 'ANNEX-B:P2')).toBe('S/RES/1454 (2002), annex B, para. 2');
    expect(unitLabel('S/RES/101 (1953)', 'B:OP1(a)')).toBe('S/RES/101 (1953), section B, para. 1 (a)');
    expect(unitLabel('S/RES/21 (1947)', 'ART6:OP2')).toBe('S/RES/21 (1947), article 6, para. 2');
  });
});

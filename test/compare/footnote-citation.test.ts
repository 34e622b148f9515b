import { describe, expect, it } from 'vitest';
import { cleanCitation, isIbid, resolveCitation } from '../../src/compare/footnote-citation.js';

describe('resolveCitation', () => {
  it('should keep a full citation, cleaned of markup, "See" and the full stop', () => {
    expect(resolveCitation('See resolution [2200 A \\(XXI\\)](#), annex.', undefined)).toBe('Resolution 2200 A (XXI), annex');
    expect(cleanCitation('*Ibid.*, vol. 2716, No. 48088.')).toBe('Ibid., vol. 2716, No. 48088');
  });

  it('should repeat the previous citation for a bare Ibid.', () => {
    expect(resolveCitation('*Ibid.*', 'Resolution 2200 A (XXI), annex')).toBe('Resolution 2200 A (XXI), annex');
  });

  it('should replace only the part of the same kind as the Ibid. locator', () => {
    const treaty = 'United Nations, Treaty Series, vol. 1465, No. 24841';
    expect(resolveCitation('Ibid., vol. 2716, No. 48088.', treaty)).toBe('United Nations, Treaty Series, vol. 2716, No. 48088');
    const records = 'Official Records of the General Assembly, Seventy-second Session, Supplement No. 53 (A/72/53), chap. V, sect. A';
    expect(resolveCitation('Ibid., Supplement No. 53A (A/72/53/Add.1), chap. III.', records)).toBe(
      'Official Records of the General Assembly, Seventy-second Session, Supplement No. 53A (A/72/53/Add.1), chap. III',
    );
    expect(resolveCitation('Ibid., Seventy-fourth Session, Supplement No. 53 (A/74/53), chap. V, sect. A.', records)).toBe(
      'Official Records of the General Assembly, Seventy-fourth Session, Supplement No. 53 (A/74/53), chap. V, sect. A',
    );
    const council = 'Official Records of the Economic and Social Council, 2006, Supplement No. 5 (E/2006/25), chap. I, sect. B';
    expect(resolveCitation('Ibid., 2009, Supplement No. 5 (E/2009/25), chap. I, sect. B.', council)).toBe(
      'Official Records of the Economic and Social Council, 2009, Supplement No. 5 (E/2009/25), chap. I, sect. B',
    );
  });

  it('should recognise Ibid. with or without markup', () => {
    expect(isIbid('*Ibid.*, vol. 660, No. 9464.')).toBe(true);
    expect(isIbid('Resolution 217 A (III).')).toBe(false);
  });
});

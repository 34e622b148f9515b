import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/corpus/parse-resolution.js';
import type { ResolutionDocument } from '../../src/corpus/resolution-document.js';

function parse(lines: string[]): ResolutionDocument {
  return parseResolution(['77/1. Synthetic test resolution', '', 'The General Assembly,', '', ...lines].join('\n'), { sourceFile: 'synthetic.txt' });
}

function textOf(document: ResolutionDocument, unit: string): string | undefined {
  return document.units.find((candidate) => candidate.unit === unit)?.text;
}

describe('structureBody through parseResolution', () => {
  it('should nest roman items under letters and join every ancestor into the lead-in', () => {
    const document = parse([
      '*Recalling* its work,',
      '',
      '1. *Decides* as follows:',
      '',
      '(a) On reports, that:',
      '',
      '(i) The first shall be short;',
      '',
      '(ii) The second shall be long;',
      '',
      '(b) On meetings, that they be public;',
      '',
      '2. *Requests* a report.',
    ]);
    expect(document.units.map((unit) => unit.unit)).toEqual(['HEADER', 'PP1', 'OP1', 'OP1(a)', 'OP1(a)(i)', 'OP1(a)(ii)', 'OP1(b)', 'OP2']);
    const deep = document.units.find((unit) => unit.unit === 'OP1(a)(ii)');
    expect(deep?.parentId).toBe('A/RES/77/1:OP1(a)');
    expect(deep?.leadIn).toBe('Decides as follows: On reports, that:');
    expect(deep?.label).toBe('A/RES/77/1, para. 1 (a) (ii)');
    expect(document.units.find((unit) => unit.unit === 'OP1(b)')?.leadIn).toBe('Decides as follows:');
  });

  it('should read "(i)" after "(h)" as a letter and "(i)" before "(ii)" as a roman numeral', () => {
    const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].flatMap((letter) => [`(${letter}) Item ${letter};`, '']);
    const document = parse(['1. *Decides*:', '', ...letters, '2. *Decides* further:', '', '(i) One;', '', '(ii) Two.']);
    expect(textOf(document, 'OP1(i)')).toBe('Item i;');
    expect(textOf(document, 'OP1(j)')).toBe('Item j;');
    expect(textOf(document, 'OP2(i)')).toBe('One;');
    expect(textOf(document, 'OP2(ii)')).toBe('Two.');
  });

  it('should attach an unnumbered closing sentence to the paragraph before it', () => {
    const document = parse(['1. *Decides* to act;', '', 'This shall apply at once.', '', '2. *Requests* a report.']);
    expect(textOf(document, 'OP1')).toBe('Decides to act; This shall apply at once.');
    expect(document.units.filter((unit) => unit.kind === 'operative')).toHaveLength(2);
  });

  it('should give a General Assembly annex and its paragraphs their own ids', () => {
    const document = parse([
      '1. *Adopts* the rules annexed to the present resolution.',
      '',
      '*99th plenary meeting*',
      '*1 March 2023*',
      '',
      'Annex',
      '',
      'Rules of the game',
      '',
      '1. Play fair.',
      '',
      '2. Keep score.',
    ]);
    expect(document.date).toBe('2023-03-01');
    expect(document.plenaryMeeting).toBe('99th plenary meeting');
    expect(document.units.map((unit) => unit.unit)).toEqual(['HEADER', 'OP1', 'FOOTER', 'ANNEX', 'ANNEX:P1', 'ANNEX:P2']);
    expect(textOf(document, 'ANNEX')).toBe('Annex Rules of the game');
    expect(textOf(document, 'ANNEX:P2')).toBe('2. Keep score.');
  });
});

import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../src/corpus/parse-error.js';
import { parseResolution, PARSER_VERSION } from '../../src/corpus/parse-resolution.js';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import type { DocumentUnit, ResolutionDocument } from '../../src/corpus/resolution-document.js';
import { migrants2019Path, migrants2021Path } from './corpus-paths.js';

function unitOf(document: ResolutionDocument, unit: string): DocumentUnit {
  const found = document.units.find((candidate) => candidate.unit === unit);
  if (!found) throw new Error(`${document.symbol} has no unit ${unit}`);
  return found;
}

function countOf(document: ResolutionDocument, pattern: RegExp): number {
  return document.units.filter((unit) => pattern.test(unit.unit)).length;
}

function lettersOf(document: ResolutionDocument): Record<string, string> {
  const letters: Record<string, string> = {};
  for (const unit of document.units) {
    const match = /^(OP\d+)\(([a-z])\)$/.exec(unit.unit);
    if (match) letters[match[1] as string] = (letters[match[1] as string] ?? '') + match[2];
  }
  return letters;
}

let migrants2021: ResolutionDocument;
let migrants2019: ResolutionDocument;

beforeAll(async () => {
  migrants2021 = await parseResolutionFile(migrants2021Path);
  migrants2019 = await parseResolutionFile(migrants2019Path);
});

describe('parseResolution on A/RES/76/172', () => {
  it('should read the symbol, title and title-block fields that the file runs together on one line', () => {
    expect(migrants2021).toMatchObject({
      symbol: 'A/RES/76/172',
      title: 'Protection of migrants',
      body: 'General Assembly',
      date: '2021-12-16',
      year: 2021,
      session: 'Seventy-sixth session',
      agendaItem: '74 (b)',
      committee: 'Third Committee',
      committeeReport: 'A/76/462/Add.2, para. 114',
      plenaryMeeting: '53rd plenary meeting',
      url: 'https://undocs.org/en/A/RES/76/172',
    });
  });

  it('should find 35 preambular and 23 operative paragraphs, 43 lettered sub-paragraphs and 35 footnotes', () => {
    expect(countOf(migrants2021, /^PP\d+$/)).toBe(35);
    expect(countOf(migrants2021, /^OP\d+$/)).toBe(23);
    expect(countOf(migrants2021, /^OP\d+\([a-z]\)$/)).toBe(43);
    expect(countOf(migrants2021, /^FN\d+$/)).toBe(35);
    expect(lettersOf(migrants2021)).toEqual({ OP4: 'abcdef', OP5: 'abcdefghijklmno', OP6: 'abcdefghijklmn', OP11: 'abcdefgh' });
  });

  it('should give HEADER and FOOTER with the adoption date and plenary meeting', () => {
    expect(unitOf(migrants2021, 'HEADER').text).toContain('76/172. Protection of migrants');
    expect(unitOf(migrants2021, 'HEADER').label).toBe('A/RES/76/172, title block');
    expect(unitOf(migrants2021, 'FOOTER').text).toBe('53rd plenary meeting 16 December 2021');
    expect(unitOf(migrants2021, 'FOOTER').label).toBe('A/RES/76/172, adoption line');
  });

  it('should rejoin PP5 across the footnote block with no footnote text inside it', () => {
    expect(unitOf(migrants2021, 'PP5').text).toBe(
      'Recognizing that all migrants, regardless of their migration status, are human rights holders, and reaffirming the need to protect their safety, dignity, human rights and fundamental freedoms, without any kind of discrimination, while promoting the security and prosperity of all communities,',
    );
  });

  it('should rejoin a paragraph cut by a bare page break', () => {
    expect(unitOf(migrants2021, 'PP28').text).toBe(
      'Affirming that migrant smuggling and crimes against migrants, including trafficking in persons, continue to pose a serious challenge and require a concerted international assessment and response and strengthened multilateral cooperation among countries of origin, transit and destination for their eradication,',
    );
  });

  it('should rejoin operative paragraphs and sub-paragraphs that footnote blocks cut', () => {
    expect(unitOf(migrants2021, 'OP5(a)').text).toBe(
      'Calls upon all States to respect the human rights and inherent dignity of migrants, to put an end to arbitrary arrest and detention and, bearing in mind the New York Declaration for Refugees and Migrants, to review policies that deny migrants the full enjoyment of their human rights and fundamental freedoms, to pursue alternatives to detention while assessments of migration status are under way and to take into account measures that have been successfully implemented by some States;',
    );
    expect(unitOf(migrants2021, 'OP9').text).toBe(
      'Encourages States to protect migrants from becoming victims of national and transnational organized crime, including kidnapping, trafficking in persons and, in some instances, illicit smuggling of migrants, including through the implementation of programmes and policies that prevent victimization and provide effective guarantees and protections, as well as access to medical, psychosocial and legal assistance, where appropriate;',
    );
    expect(unitOf(migrants2021, 'OP11(g)').text).toMatch(/and related intolerance against all migrants, while at the same time/);
    expect(unitOf(migrants2021, 'OP11(g)').text).not.toMatch(/Resolution 73\/195/);
  });

  it('should record footnote references and keep footnote text out of the body', () => {
    expect(unitOf(migrants2021, 'PP2').footnotes).toEqual(['A/RES/76/172:FN5']);
    expect(unitOf(migrants2021, 'FN5').text).toBe('Resolution 217 A (III).');
    expect(unitOf(migrants2021, 'FN5').label).toBe('A/RES/76/172, footnote 5');
    expect(unitOf(migrants2021, 'PP1').footnotes).toEqual(['FN1', 'FN2', 'FN3', 'FN4'].map((id) => `A/RES/76/172:${id}`));
    expect(unitOf(migrants2021, 'OP5(m)').footnotes).toEqual(['A/RES/76/172:FN31']);
    expect(unitOf(migrants2021, 'FN6').text).toBe('See resolution 2200 A (XXI), annex.');
    expect(unitOf(migrants2021, 'FN1').text).toBe(
      'See Official Records of the General Assembly, Seventy-second Session, Supplement No. 53 (A/72/53), chap. V, sect. A.',
    );
  });

  it('should strip markup from text and keep it in rawText', () => {
    const paragraph = unitOf(migrants2021, 'PP10');
    expect(paragraph.text).toContain('in its resolution 73/195 of 19 December 2018');
    expect(paragraph.rawText).toContain('[73/195](#)');
    const operative = unitOf(migrants2021, 'OP1');
    expect(operative.text.startsWith('Calls upon States to promote')).toBe(true);
    expect(operative.rawText.startsWith('1. *Calls upon*')).toBe(true);
    expect(unitOf(migrants2021, 'PP1').text).not.toMatch(/<sup>|\*/);
  });

  it('should give sub-paragraphs their parent and the parent lead-in, and readable labels', () => {
    const subParagraph = unitOf(migrants2021, 'OP5(b)');
    expect(subParagraph.parentId).toBe('A/RES/76/172:OP5');
    expect(subParagraph.leadIn).toBe(unitOf(migrants2021, 'OP5').text);
    expect(subParagraph.leadIn).toMatch(/^Also reaffirms the duty of States .* and therefore:$/);
    expect(subParagraph.label).toBe('A/RES/76/172, para. 5 (b)');
    expect(subParagraph.id).toBe('A/RES/76/172:OP5(b)');
    expect(unitOf(migrants2021, 'PP3').label).toBe('A/RES/76/172, preamble, para. 3');
    expect(unitOf(migrants2021, 'OP5').parentId).toBeUndefined();
  });

  it('should number units in reading order with their source lines', () => {
    expect(migrants2021.units.map((unit) => unit.order)).toEqual(migrants2021.units.map((_unit, index) => index));
    expect(unitOf(migrants2021, 'PP5').line).toBe(18);
    expect(unitOf(migrants2021, 'OP1').line).toBe(144);
    expect(new Set(migrants2021.units.map((unit) => unit.id)).size).toBe(migrants2021.units.length);
  });

  it('should record the sha256 of the text and the source file', async () => {
    const text = await readFile(migrants2021Path, 'utf8');
    expect(migrants2021.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(parseResolution(text, { sourceFile: 'other.txt' }).checksum).toBe(migrants2021.checksum);
    expect(parseResolution(`${text}\n`, { sourceFile: 'other.txt' }).checksum).not.toBe(migrants2021.checksum);
    expect(migrants2021.sourceFile).toBe(migrants2021Path);
    expect(PARSER_VERSION).toBe('1');
  });
});

describe('parseResolution on A/RES/74/148', () => {
  it('should read the title block and the adoption line', () => {
    expect(migrants2019).toMatchObject({
      symbol: 'A/RES/74/148',
      title: 'Protection of migrants',
      date: '2019-12-18',
      session: 'Seventy-fourth session',
      agendaItem: '70 (b)',
      committee: 'Third Committee',
      committeeReport: 'A/74/399/Add.2',
      plenaryMeeting: '50th plenary meeting',
    });
    expect(unitOf(migrants2019, 'FOOTER').text).toBe('50th plenary meeting 18 December 2019');
  });

  it('should find 31 preambular and 21 operative paragraphs, 42 lettered sub-paragraphs and 33 footnotes', () => {
    expect(countOf(migrants2019, /^PP\d+$/)).toBe(31);
    expect(countOf(migrants2019, /^OP\d+$/)).toBe(21);
    expect(countOf(migrants2019, /^OP\d+\([a-z]\)$/)).toBe(42);
    expect(countOf(migrants2019, /^FN\d+$/)).toBe(33);
    expect(lettersOf(migrants2019)).toEqual({ OP4: 'abcdef', OP5: 'abcdefghijklmno', OP6: 'abcdefghijklm', OP10: 'abcdefgh' });
  });

  it('should split operative paragraphs 18 to 21 that no blank line separates', () => {
    expect(unitOf(migrants2019, 'OP18').text).toBe('Takes note of the report of the Secretary-General on the human rights of migrants;');
    expect(unitOf(migrants2019, 'OP18').footnotes).toEqual(['A/RES/74/148:FN32']);
    expect(unitOf(migrants2019, 'OP19').text).toMatch(/^Also takes note of the reports of the Special Rapporteur/);
    expect(unitOf(migrants2019, 'OP21').text).toBe('Decides to remain seized of the matter.');
  });

  it('should rejoin PP5 whose continuation after the footnotes starts "or Degrading Treatment"', () => {
    const paragraph = unitOf(migrants2019, 'PP5');
    expect(paragraph.text).toContain('the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment, the International Convention');
    expect(paragraph.text).not.toContain('Treaty Series');
    expect(paragraph.footnotes.slice(0, 3)).toEqual(['A/RES/74/148:FN5', 'A/RES/74/148:FN6', 'A/RES/74/148:FN7']);
  });

  it('should rejoin a continuation that starts with a capital letter after a footnote block', () => {
    expect(unitOf(migrants2019, 'PP10').text).toBe(
      'Taking note of advisory opinion OC 16/99 of 1 October 1999 on the Right to Information on Consular Assistance in the Framework of the Guarantees of the Due Process of Law, advisory opinion OC 18/03 of 17 September 2003 on the Juridical Condition and Rights of Undocumented Migrants and advisory opinion OC 21/14 of 19 August 2014 on the Rights and Guarantees of Children in the Context of Migration and/or in Need of International Protection, issued by the Inter-American Court of Human Rights,',
    );
    expect(unitOf(migrants2019, 'OP6(m)').text).toContain('and the Protocol to Prevent, Suppress and Punish Trafficking in Persons');
  });

  it('should rejoin a continuation even when the cut falls after a comma', () => {
    expect(unitOf(migrants2019, 'PP18').text).toBe(
      'Emphasizing the multidimensional character of international migration, the importance of international, regional and bilateral cooperation and dialogue in this regard, as appropriate, and the need to protect the human rights of all migrants, particularly at a time when migration flows have increased in the globalized economy and take place in a context of continued security concerns,',
    );
  });

  it('should rejoin sub-paragraphs cut by footnote blocks', () => {
    expect(unitOf(migrants2019, 'OP5(g)').text).toBe(
      'Calls upon States to analyse and implement, where appropriate, mechanisms for the safe and orderly administration of returning migrants, with particular attention to the human rights of migrants, in accordance with their obligations under international law;',
    );
    expect(unitOf(migrants2019, 'OP6(b)').text).toMatch(/as well as to identify those who have died or gone missing, and to facilitate communication with affected families;$/);
  });

  it('should resolve repeated superscript references back to the earlier footnote', () => {
    expect(unitOf(migrants2019, 'OP4').footnotes).toEqual(['A/RES/74/148:FN4', 'A/RES/74/148:FN5']);
    expect(unitOf(migrants2019, 'FN4').text).toBe('Resolution 217 A (III).');
    expect(unitOf(migrants2019, 'PP11').footnotes).toEqual(['A/RES/74/148:FN24', 'A/RES/74/148:FN25']);
  });
});

describe('parseResolution on documents it cannot understand', () => {
  it('should name the file and first line when there is no resolution symbol', () => {
    const attempt = (): unknown => parseResolution('\n\nShopping list\n\n1. Milk\n2. Bread\n', { sourceFile: 'notes.txt' });
    expect(attempt).toThrow(ParseError);
    expect(attempt).toThrow('notes.txt:3: no resolution symbol found');
  });

  it('should refuse operative numbering that goes backwards, naming the line', () => {
    const text = [
      '76/999. Test resolution',
      '',
      'The General Assembly,',
      '',
      'Recalling its earlier work,',
      '',
      '1. Decides one thing;',
      '',
      '2. Decides another thing;',
      '',
      '1. Decides a third thing.',
    ].join('\n');
    try {
      parseResolution(text, { sourceFile: 'backwards.txt' });
      expect.unreachable('a duplicated paragraph number must not parse');
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).file).toBe('backwards.txt');
      expect((error as ParseError).line).toBe(11);
      expect((error as ParseError).reason).toMatch(/operative paragraph 1 where 3 was expected/);
    }
  });

  it('should refuse a repeated number even when the numbering then carries on', () => {
    const text = ['76/999. Test', '', 'The General Assembly,', '', 'Recalling,', '', '1. Decides;', '', '2. Decides;', '', '1. Decides;', '', '4. Decides.'].join('\n');
    expect(() => parseResolution(text, { sourceFile: 'repeat.txt' })).toThrow(/repeat\.txt:11: operative paragraph 1 where 3 was expected/);
  });

  it('should read an OCR-misread number as the expected one when the next number confirms it', () => {
    const text = ['76/999. Test', '', 'The General Assembly,', '', 'Recalling,', '', '1. Decides;', '', '2. Decides;', '', '8. Decides;', '', '4. Decides.'].join('\n');
    expect(parseResolution(text, { sourceFile: 'ocr.txt' }).units.filter((unit) => unit.kind === 'operative').map((unit) => unit.unit)).toEqual([
      'OP1', 'OP2', 'OP3', 'OP4',
    ]);
  });

  it('should refuse a General Assembly text with no "The General Assembly," line', () => {
    expect(() => parseResolution('76/999. Test resolution\n\nRecalling,\n\n1. Decides.\n', { sourceFile: 'x.txt' })).toThrow(
      /x\.txt:1: no "The General Assembly," line/,
    );
  });

  it('should refuse a title with no paragraphs after it', () => {
    expect(() => parseResolution('Resolution 5 (1946)\nof 1 May 1946\n\nThe Security Council,\n', { sourceFile: 'empty.txt' })).toThrow(
      /empty\.txt:\d+: no preambular or operative paragraphs/,
    );
  });

  it('should refuse a footnote defined twice', () => {
    const text = '76/999. Test\n\nThe General Assembly,\n\nRecalling,<sup>1</sup>\n\n<sup>1</sup> One.\n\n<sup>1</sup> Again.\n\n1. Decides.\n';
    expect(() => parseResolution(text, { sourceFile: 'twice.txt' })).toThrow(/twice\.txt:9: footnote 1 is defined twice/);
  });

  it('should refuse lettering that jumps', () => {
    const text = '76/999. Test\n\nThe General Assembly,\n\nRecalling,\n\n1. Decides:\n\n(a) One;\n\n(d) Four.\n';
    expect(() => parseResolution(text, { sourceFile: 'letters.txt' })).toThrow(/letters\.txt:11: sub-paragraph "\(d\)"/);
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/corpus/parse-error.js';
import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import type { DocumentUnit, ResolutionDocument } from '../../src/corpus/resolution-document.js';
import { hasSecurityCouncilCorpus, securityCouncilFolder } from './corpus-paths.js';

if (!hasSecurityCouncilCorpus) {
  console.warn(`Skipping the Security Council corpus tests: ${securityCouncilFolder} is absent (it sits beside the project, outside the repository).`);
}

async function parseCouncil(name: string): Promise<ResolutionDocument> {
  return parseResolutionFile(join(securityCouncilFolder, name));
}

function unitOf(document: ResolutionDocument, unit: string): DocumentUnit {
  const found = document.units.find((candidate) => candidate.unit === unit);
  if (!found) throw new Error(`${document.symbol} has no unit ${unit}; it has ${document.units.map((each) => each.unit).join(', ')}`);
  return found;
}

describe.skipIf(!hasSecurityCouncilCorpus)('parseResolution on the Security Council corpus', () => {
  it('should parse all 902 texts without error, each with unique ids and a symbol from its own title', async () => {
    const files = readdirSync(securityCouncilFolder).filter((name) => name.endsWith('.txt')).sort();
    expect(files).toHaveLength(902);
    const failures: string[] = [];
    let matchingFileNames = 0;
    for (const name of files) {
      try {
        const document = await parseCouncil(name);
        expect(new Set(document.units.map((unit) => unit.id)).size).toBe(document.units.length);
        expect(document.units.some((unit) => unit.kind === 'preamble' || unit.kind === 'operative')).toBe(true);
        const [, number, year] = /^S_RES_(\d+)_(\d{4})/.exec(name) ?? [];
        if (document.symbol === `S/RES/${Number(number)} (${year})`) matchingFileNames += 1;
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        failures.push(error.message);
      }
    }
    expect(failures).toEqual([]);
    // The symbol is read from the text, so OCR damage in a title ("Resolution 773" in 778's file) shows up here.
    expect(matchingFileNames).toBeGreaterThanOrEqual(900);
  });

  it('should parse 242 (1967): its meeting, operative paragraphs, "(1)" read as "(i)", and lettered items', async () => {
    const document = await parseCouncil('S_RES_0242_1967_EN_GOLD.txt');
    expect(document).toMatchObject({
      symbol: 'S/RES/242 (1967)',
      body: 'Security Council',
      date: '1967-11-22',
      plenaryMeeting: '1382nd meeting',
      url: 'https://undocs.org/en/S/RES/242(1967)',
    });
    expect(document.units.map((unit) => unit.unit)).toEqual([
      'HEADER', 'PP1', 'PP2', 'PP3', 'OP1', 'OP1(i)', 'OP1(ii)', 'OP2', 'OP2(a)', 'OP2(b)', 'OP2(c)', 'OP3', 'OP4', 'FOOTER',
    ]);
    expect(unitOf(document, 'OP1(i)').text).toBe('Withdrawal of Israel armed forces from territories occupied in the recent conflict;');
    expect(unitOf(document, 'OP1(i)').label).toBe('S/RES/242 (1967), para. 1 (i)');
    expect(unitOf(document, 'OP2(b)').leadIn).toBe('Affirms further the necessity');
    expect(unitOf(document, 'PP2').text).toBe(
      'Emphasizing the inadmissibility of the acquisition of territory by war and the need to work for a just and lasting peace in which every State in the area can live in security,',
    );
    expect(unitOf(document, 'FOOTER').text).toBe('Adopted unanimously at the 1382nd meeting.');
  });

  it('should parse the annex of 263 (1969) into a titled annex and its paragraphs', async () => {
    const document = await parseCouncil('S_RES_0263_1969_EN_GOLD.txt');
    expect(unitOf(document, 'OP1').text).toMatch(/^Decides to include Russian and Spanish/);
    expect(unitOf(document, 'ANNEX').text).toBe(
      'ANNEX Revised text of rules 41, 42, 43 and 44 of the provisional rules of procedure of the Security Council',
    );
    expect(unitOf(document, 'ANNEX').kind).toBe('annex');
    expect(unitOf(document, 'ANNEX:P1').text).toMatch(/^Rule 41 Chinese, English, French, Russian and Spanish shall be/);
    expect(unitOf(document, 'ANNEX:P4').text).toMatch(/^Rule 44 Any representative/);
    expect(unitOf(document, 'ANNEX:P2').label).toBe('S/RES/263 (1969), annex, para. 2');
    // "28" after the comma is a footnote marker defined below the adoption line.
    expect(unitOf(document, 'PP1').footnotes).toEqual(['S/RES/263 (1969):FN28']);
    expect(unitOf(document, 'FOOTER').footnotes).toEqual(['S/RES/263 (1969):FN29']);
    expect(unitOf(document, 'FN29').text).toBe('Adopted without vote.');
  });

  it('should name several annexes apart in 1454 (2002)', async () => {
    const document = await parseCouncil('S_RES_1454_2002_EN_GOLD.txt');
    expect(unitOf(document, 'ANNEX-A').label).toBe('S/RES/1454 (2002), annex A');
    expect(unitOf(document, 'ANNEX-B').label).toBe('S/RES/1454 (2002), annex B');
    expect(unitOf(document, 'ANNEX-A:P1').label).toBe('S/RES/1454 (2002), annex A, para. 1');
    expect(unitOf(document, 'OP5').text).toBe('Decides to remain seized of the matter.');
  });

  it('should drop the page clutter of 1445 (2002) and rejoin what it interrupts', async () => {
    const document = await parseCouncil('S_RES_1445_2002_EN_GOLD.txt');
    expect(document).toMatchObject({ symbol: 'S/RES/1445 (2002)', date: '2002-12-04', plenaryMeeting: '4653rd meeting' });
    expect(unitOf(document, 'FOOTER').text).toBe('Adopted by the Security Council at its 4653rd meeting, on 4 December 2002');
    expect(unitOf(document, 'OP2').text).toContain('as well as progress in the implementation of these processes, in particular the withdrawal of 23,400 Rwandan troops');
    expect(unitOf(document, 'OP9').text).toContain('to achieve an inclusive agreement on the political transition');
    expect(unitOf(document, 'OP14').text).toContain('full access to populations in need and to ensure the safety');
    for (const unit of document.units.filter((each) => each.kind !== 'header')) {
      expect(unit.text).not.toMatch(/02-72318|\(E\)|S\/RES\/1445/);
    }
    // The dash-listed demands of paragraph 13 stay inside it instead of becoming numbered units.
    expect(unitOf(document, 'OP13').text).toContain('— Demands that all parties work to the immediate full restoration of freedom of movement');
    expect(document.units.filter((unit) => /^OP\d+$/.test(unit.unit))).toHaveLength(25);
  });

  it('should read the "1/" footnotes of 902 (1994) and rejoin the paragraph they interrupt', async () => {
    const document = await parseCouncil('S_RES_0902_1994_EN_GOLD.txt');
    expect(unitOf(document, 'PP2').footnotes).toEqual(['S/RES/902 (1994):FN1']);
    expect(unitOf(document, 'PP2').text).toBe(
      'Welcoming the report of the Secretary-General of 4 March 1994 on his mission of good offices in Cyprus submitted pursuant to resolution 889 (1993) of 15 December 1993,',
    );
    expect(unitOf(document, 'FN1').text).toBe('S/1994/262.');
    expect(unitOf(document, 'OP3').text).toMatch(/ideas that should facilitate the discussions aimed at reaching agreement .* without delay;$/);
    // "S." is OCR for "5.", accepted because 5 is the number expected there.
    expect(unitOf(document, 'OP5').text).toMatch(/^Decides to review the matter further/);
  });

  it('should keep the sections of 101 (1953) apart when each restarts its numbering', async () => {
    const document = await parseCouncil('S_RES_0101_1953_EN_GOLD.txt');
    expect(document.units.filter((unit) => unit.kind === 'operative').map((unit) => unit.unit)).toEqual([
      'A:OP1', 'A:OP2', 'B:OP1', 'B:OP2', 'B:OP3', 'C:OP1', 'C:OP2', 'C:OP3', 'C:OP4',
    ]);
    expect(unitOf(document, 'B:OP1').label).toBe('S/RES/101 (1953), section B, para. 1');
    expect(unitOf(document, 'PP2').footnotes).toEqual(['S/RES/101 (1953):FN8', 'S/RES/101 (1953):FN9']);
    expect(unitOf(document, 'PP2').text).toMatch(/^Noting the reports of 27 October 1953 and 9 November 1953 to the Security Council/);
  });

  it('should drop the residue of the previous document printed above 851 (1993)', async () => {
    const document = await parseCouncil('S_RES_0851_1993_EN_GOLD.txt');
    expect(document.symbol).toBe('S/RES/851 (1993)');
    expect(unitOf(document, 'PP1').text).toMatch(/^Reaffirming its resolutions 696 \(1991\) of 30 May 1991/);
    expect(document.units.some((unit) => unit.text.includes('cease its armed attacks'))).toBe(false);
    expect(unitOf(document, 'OP12').text).toContain('embargo on the sale or supply to the National Union of arms and related matériel');
    expect(unitOf(document, 'OP11').text).toMatch(/^Urges all States to refrain/);
  });

  it('should recover an operative paragraph whose number OCR lost in 484 (1980)', async () => {
    const document = await parseCouncil('S_RES_0484_1980_EN_GOLD.txt');
    expect(unitOf(document, 'OP2').text).toBe('Calls upon Israel, the occupying Power, to adhere to the provisions of the Convention;');
    expect(unitOf(document, 'OP3').text).toMatch(/^Declares it imperative/);
  });

  it('should give numbered items under an unnumbered operative paragraph their printed numbers in 118 (1956)', async () => {
    const document = await parseCouncil('S_RES_0118_1956_EN_GOLD.txt');
    expect(unitOf(document, 'PP1').text).toMatch(/^Noting the declarations made before it/);
    expect(unitOf(document, 'OP1').text).toBe('Agrees that any settlement of the Suez question should meet the following requirements:');
    expect(unitOf(document, 'OP1(2)').text).toBe('The sovereignty of Egypt should be respected;');
    expect(unitOf(document, 'OP1(6)').leadIn).toBe(unitOf(document, 'OP1').text);
  });
});

import { describe, expect, it } from 'vitest';
import { findDocumentReferences } from '../../src/compare/document-references.js';
import { instrumentsBeforeMarker } from '../../src/compare/instrument-phrase.js';
import { findFootnoteForInstrument, footnoteLinks } from '../../src/compare/reference-links.js';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { bundledMigrantsResolutions } from './bundled-corpus.js';
import { syntheticDocument } from './synthetic-document.js';

// Raw texts in the two marker styles of the bundled corpus: HTML superscripts and Unicode superscripts.
const newer = syntheticDocument('A/RES/76/172', { title: 'Protection of migrants', date: '2021-12-16' }, [
  {
    unit: 'PP1',
    text: 'Recalling all its previous resolutions on the protection of migrants, the most recent of which is resolution 74/148 of 18 December 2019, and recalling also Human Rights Council resolution 35/17 of 22 June 2017,',
    rawText:
      '*Recalling* all its previous resolutions on the protection of migrants, the most recent of which is resolution 74/148 of 18 December 2019, and recalling also Human Rights Council resolution 35/17 of 22 June 2017,<sup>1</sup>',
    footnotes: [1],
  },
  {
    unit: 'PP2',
    text: 'Reaffirming the Universal Declaration of Human Rights, which proclaims that all human beings are born free',
    rawText: '*Reaffirming* the Universal Declaration of Human Rights,<sup>2</sup> which proclaims that all human beings are born free',
    footnotes: [2],
  },
  {
    unit: 'PP3',
    text: 'Recalling all relevant international instruments, particularly the International Covenant on Civil and Political Rights and the International Covenant on Economic, Social and Cultural Rights, the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment, the Convention on the Rights of the Child,',
    rawText:
      '*Recalling* all relevant international instruments, particularly the International Covenant on Civil and Political Rights<sup>3</sup> and the International Covenant on Economic, Social and Cultural Rights,<sup>4</sup> the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment,<sup>5</sup> the Convention on the Rights of the Child,<sup>6</sup>',
    footnotes: [3, 4, 5, 6],
  },
  { unit: 'FN1', text: 'See Official Records of the General Assembly, Seventy-second Session, Supplement No. 53 (A/72/53), chap. V, sect. A.' },
  { unit: 'FN2', text: 'Resolution 217 A (III).' },
  { unit: 'FN3', text: 'See resolution 2200 A (XXI), annex.' },
  { unit: 'FN4', text: 'Ibid.' },
  { unit: 'FN5', text: 'United Nations, Treaty Series, vol. 1465, No. 24841.' },
  { unit: 'FN6', text: 'Ibid., vol. 1577, No. 27531.' },
]);

const older = syntheticDocument('A/RES/74/148', { title: 'Protection of migrants', date: '2019-12-18' }, [
  {
    unit: 'OP4',
    text: 'Reaffirms the rights set forth in the Universal Declaration of Human Rights and the obligations of States under the International Covenants on Human Rights, and in this regard:',
    rawText:
      '4. *Reaffirms the rights set forth in the Universal Declaration of Human Rights⁴ and the obligations of States under the International Covenants on Human Rights,⁵ and in this regard:*',
    footnotes: [4, 5],
  },
  {
    unit: 'OP5',
    text: 'Invites Member States to consider ratifying relevant conventions of the International Labour Organization, including the Domestic Workers Convention, 2011 (No. 189), on decent work for domestic workers;',
    rawText:
      '5. Invites Member States to consider ratifying relevant conventions of the International Labour Organization, including the Domestic Workers Convention, 2011 (No. 189), on decent work for domestic workers;²⁸',
    footnotes: [28],
  },
  { unit: 'FN4', text: 'Resolution [217 A \\(III\\)](#).' },
  { unit: 'FN5', text: 'See resolution [2200 A \\(XXI\\)](#), annex.' },
  { unit: 'FN28', text: 'United Nations, *Treaty Series*, vol. 2955, No. 51379.' },
]);

const corpus = createCorpusStore([older, newer]);
const linkOf = (document: typeof newer, unit: string) => footnoteLinks(document).find((link) => link.footnoteId === `${document.symbol}:${unit}`)!;

describe('footnoteLinks', () => {
  it('should link a footnote to the unit and the instrument named before its marker', () => {
    expect(linkOf(newer, 'FN2')).toMatchObject({
      citedAs: 'Resolution 217 A (III)',
      instrument: 'Universal Declaration of Human Rights',
      references: [{ unitId: 'A/RES/76/172:PP2', instrument: 'Universal Declaration of Human Rights' }],
    });
    expect(linkOf(newer, 'FN5').instrument).toBe('Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment');
    expect(linkOf(older, 'FN4').instrument).toBe('Universal Declaration of Human Rights');
    expect(linkOf(older, 'FN5').instrument).toBe('International Covenants on Human Rights');
  });

  it('should take the name in the clause when the marker ends a lower-case phrase', () => {
    expect(linkOf(older, 'FN28').instrument).toBe('Domestic Workers Convention, 2011 (No. 189)');
  });

  it('should resolve Ibid. footnotes to the source of the footnote before', () => {
    expect(linkOf(newer, 'FN4')).toMatchObject({
      citedAs: 'Resolution 2200 A (XXI), annex',
      sourceFootnoteId: 'A/RES/76/172:FN3',
      instrument: 'International Covenant on Economic, Social and Cultural Rights',
    });
    expect(linkOf(newer, 'FN6')).toMatchObject({
      citedAs: 'United Nations, Treaty Series, vol. 1577, No. 27531',
      sourceFootnoteId: 'A/RES/76/172:FN5',
      instrument: 'Convention on the Rights of the Child',
    });
    expect(linkOf(newer, 'FN5').sourceFootnoteId).toBeUndefined();
  });
});

describe('instrumentsBeforeMarker', () => {
  it('should not take the paragraph-opening verb as part of the name', () => {
    expect(instrumentsBeforeMarker('*Reaffirming* the Universal Declaration of Human Rights,<sup>5</sup> which', 5)).toEqual([
      'Universal Declaration of Human Rights',
    ]);
  });

  it('should find every marker of the same footnote', () => {
    expect(instrumentsBeforeMarker('the Foo Convention⁵ and the Bar Covenant,⁵ and others⁶', 5)).toEqual(['Foo Convention', 'Bar Covenant']);
  });
});

describe('findFootnoteForInstrument', () => {
  it('should find the footnote that cites an instrument, with its complete citation', () => {
    const [best] = findFootnoteForInstrument(corpus, 'Convention on the Rights of the Child');
    expect(best?.link.footnoteId).toBe('A/RES/76/172:FN6');
    expect(best?.link.citedAs).toBe('United Nations, Treaty Series, vol. 1577, No. 27531');
    expect(best?.reference.unitId).toBe('A/RES/76/172:PP3');
  });

  it('should find the instrument in every version that cites it', () => {
    const matches = findFootnoteForInstrument(corpus, ['Universal', 'Declaration', 'Human', 'Rights']);
    expect(matches.map((match) => match.link.footnoteId).sort()).toEqual(['A/RES/74/148:FN4', 'A/RES/76/172:FN2']);
  });

  it('should find nothing for an instrument no footnote names', () => {
    expect(findFootnoteForInstrument(corpus, 'Paris Agreement on climate change')).toEqual([]);
  });
});

describe('findDocumentReferences', () => {
  it('should link a mention of another resolution of the corpus to that document', () => {
    expect(findDocumentReferences(newer, corpus)).toEqual([
      { unitId: 'A/RES/76/172:PP1', phrase: 'resolution 74/148 of 18 December 2019', targetSymbol: 'A/RES/74/148' },
    ]);
  });

  it('should link Security Council resolutions cited by number and year', () => {
    const resolution242 = syntheticDocument('S/RES/242 (1967)', { title: 'Resolution 242 (1967)', body: 'Security Council' }, [{ unit: 'OP1', text: 'Affirms' }]);
    const resolution338 = syntheticDocument('S/RES/338 (1973)', { title: 'Resolution 338 (1973)', body: 'Security Council' }, [
      { unit: 'OP2', text: 'Calls upon the parties concerned to start immediately the implementation of Security Council resolution 242 (1967) in all of its parts;' },
    ]);
    const council = createCorpusStore([resolution242, resolution338]);
    expect(findDocumentReferences(resolution338, council)).toEqual([
      { unitId: 'S/RES/338 (1973):OP2', phrase: 'resolution 242 (1967)', targetSymbol: 'S/RES/242 (1967)' },
    ]);
  });

  it('should not link resolutions of other organs numbered like ours', () => {
    const council = syntheticDocument('A/RES/35/17', { title: 'Something else' }, [{ unit: 'PP1', text: 'x' }]);
    const withCouncil = createCorpusStore([older, newer, council]);
    expect(findDocumentReferences(newer, withCouncil).map((reference) => reference.targetSymbol)).toEqual(['A/RES/74/148']);
  });
});

describe('reference links in the bundled "Protection of migrants" resolutions', () => {
  const bundled = bundledMigrantsResolutions();
  const link = (document: typeof bundled.newer, unit: string) =>
    footnoteLinks(document).find((candidate) => candidate.footnoteId === `${document.symbol}:${unit}`)!;

  it('should link footnote 5 of 76/172 to the Universal Declaration named in preambular paragraph 2', () => {
    expect(link(bundled.newer, 'FN5')).toMatchObject({
      citedAs: 'Resolution 217 A (III)',
      instrument: 'Universal Declaration of Human Rights',
      references: [{ unitId: 'A/RES/76/172:PP2', instrument: 'Universal Declaration of Human Rights' }],
    });
  });

  it('should resolve the Ibid. of footnote 7 to the source of footnote 6', () => {
    expect(link(bundled.newer, 'FN6').citedAs).toBe('Resolution 2200 A (XXI), annex');
    expect(link(bundled.newer, 'FN7')).toMatchObject({
      text: 'Ibid',
      citedAs: 'Resolution 2200 A (XXI), annex',
      sourceFootnoteId: 'A/RES/76/172:FN6',
      instrument: 'International Covenant on Economic, Social and Cultural Rights',
    });
  });

  it('should read the Unicode superscript markers of 74/148 and every paragraph citing a footnote', () => {
    expect(link(bundled.older, 'FN4').references.map((reference) => reference.unitId)).toEqual(['A/RES/74/148:PP2', 'A/RES/74/148:OP4']);
    expect(link(bundled.older, 'FN28').instrument).toBe('Domestic Workers Convention, 2011 (No. 189)');
  });

  it('should answer which Treaty Series volume is cited for the Convention on the Rights of the Child, in both versions', () => {
    const matches = findFootnoteForInstrument(bundled.corpus, 'Convention on the Rights of the Child');
    expect(matches.map((match) => [match.link.footnoteId, match.link.citedAs])).toEqual([
      ['A/RES/74/148:FN9', 'United Nations, Treaty Series, vol. 1577, No. 27531'],
      ['A/RES/76/172:FN11', 'United Nations, Treaty Series, vol. 1577, No. 27531'],
    ]);
  });

  it('should link the mention of resolution 74/148 in 76/172 to the 2019 document', () => {
    expect(findDocumentReferences(bundled.newer, bundled.corpus)).toEqual([
      { unitId: 'A/RES/76/172:PP1', phrase: 'resolution 74/148 of 18 December 2019', targetSymbol: 'A/RES/74/148' },
    ]);
    expect(findDocumentReferences(bundled.older, bundled.corpus)).toEqual([]);
  });
});

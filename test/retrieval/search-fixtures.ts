import type { DocumentUnit, ResolutionDocument, UnitKind } from '../../src/corpus/resolution-document.js';
import type { RetrievalChunk } from '../../src/corpus/retrieval-chunk.js';

/** Hand-made documents and chunks for index tests that must not depend on the parser. */

function unit(symbol: string, unitName: string, kind: UnitKind, text: string, order: number): DocumentUnit {
  return { id: `${symbol}:${unitName}`, unit: unitName, kind, label: `${symbol}, ${unitName}`, text, rawText: text, footnotes: [], order, line: order + 1 };
}

export function makeDocument(symbol: string, year: number, paragraphs: Array<[string, UnitKind, string]>): ResolutionDocument {
  return {
    symbol,
    title: `Resolution ${symbol}`,
    body: 'General Assembly',
    date: `${year}-12-16`,
    year,
    url: `https://undocs.org/en/${symbol}`,
    sourceFile: `${symbol.replaceAll('/', '_')}.txt`,
    checksum: `checksum-of-${symbol}`,
    units: paragraphs.map(([name, kind, text], order) => unit(symbol, name, kind, text, order)),
  };
}

/** One chunk per unit, except that a `#`-split unit text yields several chunks of the same unit. */
export function chunksOf(document: ResolutionDocument): RetrievalChunk[] {
  return document.units.flatMap((documentUnit) =>
    documentUnit.text.split(' # ').map((text, index) => ({
      chunkId: `${documentUnit.id}#${index}`,
      unitId: documentUnit.id,
      text,
      metadata: {
        symbol: document.symbol,
        unitId: documentUnit.id,
        label: documentUnit.label,
        kind: documentUnit.kind,
        title: document.title,
        ...(document.date ? { date: document.date } : {}),
        ...(document.year ? { year: document.year } : {}),
        footnoteTexts: [],
      },
    })),
  );
}

export const migrantsDocument = makeDocument('A/RES/76/172', 2021, [
  ['PP1', 'preamble', 'Recalling the Universal Declaration of Human Rights and the rights of every migrant'],
  ['OP1', 'operative', 'Calls upon States to end the arbitrary detention of migrants and to use alternatives to detention'],
  ['OP2', 'operative', 'Urges States to protect children and unaccompanied minors on the move # Also stresses the best interests of the child in all decisions'],
  ['OP3', 'operative', 'Encourages cooperation among countries of origin, transit and destination on return and readmission'],
  ['FN1', 'footnote', 'Resolution 217 A (III).'],
]);

export const traffickingDocument = makeDocument('A/RES/74/148', 2019, [
  ['PP1', 'preamble', 'Deeply concerned about trafficking in persons, especially women and girls'],
  ['OP1', 'operative', 'Condemns the practice of detaining people who were trafficked and calls for their release'],
  ['OP2', 'operative', 'Requests the Secretary-General to report on the implementation of the present resolution'],
]);

export const fixtureDocuments = [migrantsDocument, traffickingDocument];
export const fixtureChunks = fixtureDocuments.flatMap(chunksOf);

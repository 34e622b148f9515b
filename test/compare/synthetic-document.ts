import type { DocumentUnit, ResolutionDocument, UnitKind } from '../../src/corpus/resolution-document.js';

export interface SyntheticUnit {
  /** e.g. `PP1`, `OP2(a)`, `FN3`. */
  unit: string;
  text: string;
  /** Raw text with markers; defaults to the text. */
  rawText?: string;
  /** Footnote numbers referenced by the unit. */
  footnotes?: number[];
}

function kindOf(unit: string): UnitKind {
  if (unit.startsWith('PP')) return 'preamble';
  if (unit.startsWith('OP')) return 'operative';
  if (unit.startsWith('FN')) return 'footnote';
  if (unit === 'HEADER') return 'header';
  if (unit === 'FOOTER') return 'footer';
  return 'annex';
}

/** A hand-built document in the parser's shape, for tests that must not depend on the parser. */
export function syntheticDocument(
  symbol: string,
  options: { title?: string; date?: string; body?: string },
  units: readonly SyntheticUnit[],
): ResolutionDocument {
  const built: DocumentUnit[] = units.map((spec, order) => {
    const kind = kindOf(spec.unit);
    const parent = /^(OP\d+)\(/.exec(spec.unit)?.[1];
    const unit: DocumentUnit = {
      id: `${symbol}:${spec.unit}`,
      unit: spec.unit,
      kind,
      label: `${symbol}, ${spec.unit}`,
      text: spec.text,
      rawText: spec.rawText ?? spec.text,
      footnotes: (spec.footnotes ?? []).map((number) => `${symbol}:FN${number}`),
      order,
      line: order + 1,
    };
    if (parent !== undefined) unit.parentId = `${symbol}:${parent}`;
    return unit;
  });
  const document: ResolutionDocument = {
    symbol,
    title: options.title ?? 'Protection of testing',
    body: options.body ?? 'General Assembly',
    url: `https://undocs.org/en/${symbol}`,
    sourceFile: `${symbol.replace(/\//g, '_')}.txt`,
    checksum: 'synthetic',
    units: built,
  };
  if (options.date !== undefined) {
    document.date = options.date;
    document.year = Number(options.date.slice(0, 4));
  }
  return document;
}

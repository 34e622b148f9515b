import type { DocumentUnit, ResolutionDocument } from './resolution-document.js';

/** Read access to parsed documents and their units by canonical id. */
export interface CorpusStore {
  documents(): readonly ResolutionDocument[];
  getDocument(symbol: string): ResolutionDocument | undefined;
  getUnit(id: string): DocumentUnit | undefined;
  /** The document a unit belongs to. */
  documentOf(unitId: string): ResolutionDocument | undefined;
}

export function createCorpusStore(documents: readonly ResolutionDocument[]): CorpusStore {
  const bySymbol = new Map<string, ResolutionDocument>();
  const units = new Map<string, DocumentUnit>();
  const owner = new Map<string, ResolutionDocument>();
  for (const document of documents) {
    bySymbol.set(document.symbol, document);
    for (const unit of document.units) {
      units.set(unit.id, unit);
      owner.set(unit.id, document);
    }
  }
  return {
    documents: () => documents,
    getDocument: (symbol) => bySymbol.get(symbol),
    getUnit: (id) => units.get(id),
    documentOf: (unitId) => owner.get(unitId),
  };
}

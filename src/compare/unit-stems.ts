import type { DocumentUnit, ResolutionDocument } from '../corpus/resolution-document.js';
import { contentStems } from './word-stems.js';

const stemsOfUnit = new WeakMap<DocumentUnit, Set<string>>();
const stemsOfDocument = new WeakMap<ResolutionDocument, Set<string>>();

// Every question scans the same units; their stems are computed once per unit object.
export function unitStems(unit: DocumentUnit): Set<string> {
  let stems = stemsOfUnit.get(unit);
  if (!stems) {
    stems = contentStems(unit.text);
    stemsOfUnit.set(unit, stems);
  }
  return stems;
}

export function documentStems(document: ResolutionDocument): Set<string> {
  let stems = stemsOfDocument.get(document);
  if (!stems) {
    stems = new Set(document.units.flatMap((unit) => [...unitStems(unit)]));
    stemsOfDocument.set(document, stems);
  }
  return stems;
}

import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';

/** A unit that names another resolution held in the corpus ("resolution 74/148 of 18 December 2019"). */
export interface DocumentReference {
  unitId: string;
  /** The words of the unit that name it, e.g. `resolution 74/148 of 18 December 2019`. */
  phrase: string;
  targetSymbol: string;
}

const GENERAL_ASSEMBLY = /\bresolutions?\s+((?:\d{1,3}\/\d{1,4}[A-Z]?(?:\s+of\s+\d{1,2}\s+\p{Lu}\p{L}+\s+\d{4})?(?:,\s*|\s+and\s+)?)+)/giu;
const SECURITY_COUNCIL = /\bresolutions?\s+(\d{1,4})\s*\((\d{4})\)/gi;
// Other organs number their resolutions the same way; "Human Rights Council resolutions 35/17" is not ours.
const OTHER_ORGAN = /(council|commission|committee|board|conference)\s*$/i;

function compact(symbol: string): string {
  return symbol.replace(/\s+/g, '').replace(/\/0+(\d)/g, '/$1').toUpperCase();
}

const symbolsByCorpus = new WeakMap<CorpusStore, Map<string, string>>();

function symbolIndex(corpus: CorpusStore): Map<string, string> {
  let index = symbolsByCorpus.get(corpus);
  if (!index) {
    index = new Map(corpus.documents().map((other) => [compact(other.symbol), other.symbol]));
    symbolsByCorpus.set(corpus, index);
  }
  return index;
}

/** Every reference from a document's units to another document of the corpus. */
export function findDocumentReferences(document: ResolutionDocument, corpus: CorpusStore): DocumentReference[] {
  const bySymbol = symbolIndex(corpus);
  const ownOrganIsCouncil = document.symbol.startsWith('S/');
  const references: DocumentReference[] = [];
  const add = (unitId: string, phrase: string, candidate: string): void => {
    const targetSymbol = bySymbol.get(compact(candidate));
    if (targetSymbol === undefined || targetSymbol === document.symbol) return;
    if (references.some((reference) => reference.unitId === unitId && reference.targetSymbol === targetSymbol)) return;
    references.push({ unitId, phrase: phrase.trim().replace(/[,\s]+(and)?$/, ''), targetSymbol });
  };
  for (const unit of document.units) {
    for (const match of unit.text.matchAll(GENERAL_ASSEMBLY)) {
      const before = unit.text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
      if (!ownOrganIsCouncil && OTHER_ORGAN.test(before.trim())) continue;
      for (const number of (match[1] ?? '').matchAll(/(\d{1,3})\/(\d{1,4})(?:\s+of\s+\d{1,2}\s+\p{Lu}\p{L}+\s+\d{4})?/gu)) {
        add(unit.id, `resolution ${number[0]}`, `A/RES/${number[1]}/${number[2]}`);
      }
    }
    for (const match of unit.text.matchAll(SECURITY_COUNCIL)) {
      add(unit.id, match[0], `S/RES/${match[1]}(${match[2]})`);
    }
  }
  return references;
}

/** The units of every document of the corpus that name `symbol`: what cites this resolution. */
export function findReferencesTo(symbol: string, corpus: CorpusStore): DocumentReference[] {
  return corpus.documents().flatMap((document) =>
    findDocumentReferences(document, corpus).filter((reference) => reference.targetSymbol === symbol),
  );
}

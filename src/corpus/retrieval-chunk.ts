import type { UnitKind } from './resolution-document.js';

/**
 * What is embedded and indexed: one per unit, or several for a very long unit (split on sentence
 * boundaries, all keeping the unit id). A sub-paragraph's chunk text carries its parent's lead-in.
 */
export interface RetrievalChunk {
  /** `<unit id>#<n>`, n counting from 0 within the unit. */
  chunkId: string;
  unitId: string;
  /** Text that is embedded and searched: lead-in + unit text (+ referenced footnote texts for context). */
  text: string;
  metadata: {
    symbol: string;
    unitId: string;
    label: string;
    kind: UnitKind;
    title: string;
    date?: string;
    year?: number;
    footnoteTexts: string[];
  };
}

import type { DocumentUnit } from '../corpus/resolution-document.js';

/** Fence markers look like `<<<SOURCE 1 …>>>`; source text may not contain anything fence-like. */
export function escapeFenceMarkers(text: string): string {
  return text.replace(/<{3,}/g, (match) => '‹'.repeat(match.length)).replace(/>{3,}/g, (match) => '›'.repeat(match.length));
}

export interface NumberedSource {
  number: number;
  unit: DocumentUnit;
  /** "A/RES/76/172 (2021), the latest resolution" */
  documentDescription: string;
}

/** Sources numbered from 1 and fenced as data, with the lead-in a sub-paragraph depends on. */
export function fenceSources(sources: readonly NumberedSource[]): string {
  return sources
    .map(({ number, unit, documentDescription }) => {
      const body = escapeFenceMarkers([unit.leadIn, unit.text].filter(Boolean).join(' … '));
      const header = escapeFenceMarkers(`${unit.label} — ${documentDescription}`);
      return `<<<SOURCE ${number}: ${header}>>>\n${body}\n<<<END SOURCE ${number}>>>`;
    })
    .join('\n\n');
}

export function fenceQuestion(question: string): string {
  return escapeFenceMarkers(question);
}

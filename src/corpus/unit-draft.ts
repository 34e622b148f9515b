import { extractFootnoteMarkers } from './footnote-markers.js';
import { joinLines } from './join-lines.js';
import type { UnitKind } from './resolution-document.js';
import { segmentRawText, type Segment } from './segment-lines.js';
import { stripMarkup } from './strip-markup.js';

/** A unit being assembled: paragraphs grow as page-break continuations are appended. */
export interface UnitDraft {
  unit: string;
  kind: UnitKind;
  rawParts: string[];
  text: string;
  references: number[];
  parent?: UnitDraft;
  line: number;
}

export interface CleanSegment {
  text: string;
  raw: string;
  references: number[];
  line: number;
}

export function cleanSegment(segment: Segment, plainNumbers: ReadonlySet<number>): CleanSegment {
  const joined = joinLines(segment.lines.map((line) => line.text));
  const markers = extractFootnoteMarkers(joined, { plainNumbers });
  return {
    text: stripMarkup(markers.text),
    raw: segmentRawText(segment),
    references: markers.references,
    line: segment.lines[0]?.line ?? 0,
  };
}

/** Appends a continuation; a word hyphenated across the break is closed up rather than spaced. */
export function appendToDraft(draft: UnitDraft, piece: CleanSegment, text = piece.text): void {
  draft.rawParts.push(piece.raw);
  draft.text = /[A-Za-z]-$/.test(draft.text) ? `${draft.text}${text}` : `${draft.text} ${text}`.trim();
  for (const reference of piece.references) if (!draft.references.includes(reference)) draft.references.push(reference);
}

/** A trailing number after the final punctuation is a marker of a footnote printed on another page. */
export function endsParagraph(text: string): boolean {
  return /[,;:.!?]["”’)\]]*(\s*\d{1,3})?$/.test(text.trim());
}

export function startsLowercase(text: string): boolean {
  return /^["“‘'(]?[a-z]/.test(text);
}

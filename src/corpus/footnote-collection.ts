import { readFootnoteDefinitionStart, type FootnoteStyle } from './footnote-definition.js';
import { joinLines } from './join-lines.js';
import type { Segment } from './segment-lines.js';

export interface FootnoteDraft {
  number: number;
  style: FootnoteStyle;
  rawLines: string[];
  textLines: string[];
  line: number;
}

/**
 * Reads the footnote definitions out of a segment, or returns undefined when it is body text.
 * Lines that start with the next footnote number open a new definition; other lines continue the
 * current one (Security Council prints wrap footnotes and set several in one block).
 */
export function readFootnoteSegment(segment: Segment, allowPlain: boolean): FootnoteDraft[] | undefined {
  const first = segment.lines[0];
  if (!first) return undefined;
  const start = readFootnoteDefinitionStart(first.text, allowPlain);
  if (!start) return undefined;
  const drafts: FootnoteDraft[] = [];
  let current: FootnoteDraft | undefined;
  for (const line of segment.lines) {
    const next = readFootnoteDefinitionStart(line.text, allowPlain);
    const opensNew = next !== undefined && (current === undefined || (next.number > current.number && next.number <= current.number + 3));
    if (next && opensNew) {
      current = { number: next.number, style: next.style, rawLines: [line.text], textLines: [next.rest], line: line.line };
      drafts.push(current);
    } else if (current) {
      current.rawLines.push(line.text);
      current.textLines.push(line.text);
    }
  }
  return drafts;
}

export function footnoteText(draft: FootnoteDraft): string {
  return joinLines(draft.textLines);
}

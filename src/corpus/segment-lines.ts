import { readFootnoteDefinitionStart } from './footnote-definition.js';
import type { SourceLine } from './source-line.js';

/** A run of lines that may be one paragraph: what a blank line, or a numbering at a line start, delimits. */
export interface Segment {
  lines: SourceLine[];
  /**
   * True when the segment was cut out of a block at a line that merely looks like a new paragraph
   * ("18. Takes note" with no blank line before it). Whether it really is one depends on the numbering
   * expected at that point, which the caller knows.
   */
  soft: boolean;
}

const paragraphStart = /^(\d{1,3}[.,]\s+[*A-Z]|[lI]{1,2}\.\s+[A-Z]|\([a-z0-9]{1,4}\)\s+\S|Ad[ao]pted\s+(unanimously\s+|without\s+|at\s+|by\s+|in\s+)?)/;

/**
 * Old Security Council prints sometimes set an unnumbered operative paragraph straight under the last
 * preambular one ("... the Ivory Coast, 26" / "Recommends to the General Assembly ..."). A line opening
 * with an operative verb after a line ending in a comma or a footnote number starts a paragraph.
 */
const operativeVerbStart =
  /^(Recommends|Decides|Requests|Calls upon|Urges|Condemns|Demands|Reaffirms|Affirms|Approves|Authorizes|Welcomes|Invites|Appeals|Endorses|Resolves|Determines|Encourages|Commends|Deplores|Reiterates|Agrees|Censures|Declares|Expresses)\b/;

export function segmentLines(lines: readonly SourceLine[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (const line of lines) {
    if (line.text.trim().length === 0) {
      current = undefined;
      continue;
    }
    const startsFootnote = readFootnoteDefinitionStart(line.text) !== undefined;
    const previous = current?.lines[current.lines.length - 1]?.text ?? '';
    const verbAfterComma = operativeVerbStart.test(line.text) && /(,|,?\s*\d{1,3})$/.test(previous);
    if (current && (startsFootnote || verbAfterComma || paragraphStart.test(line.text.replace(/^\*+/, '')))) {
      current = { lines: [line], soft: !startsFootnote };
      segments.push(current);
      continue;
    }
    if (!current) {
      current = { lines: [], soft: false };
      segments.push(current);
    }
    current.lines.push(line);
  }
  return segments;
}

export function segmentRawText(segment: Segment): string {
  return segment.lines.map((line) => line.text).join('\n');
}

/** The numbering a paragraph starts with: `5.`, `(b)`, `(ii)`, `(1)`, or a dash bullet. */
export type ParagraphMarker =
  | { type: 'number'; value: number; alternatives: number[]; rest: string }
  | { type: 'parenthesized'; token: string; rest: string }
  | { type: 'dash'; rest: string };

/** OCR misreads of a one-digit paragraph number; only accepted where that number is expected next. */
const misreadDigits: Record<string, number> = { l: 1, I: 1, S: 5, '§': 5, O: 0 };

/** Reads the marker at the start of a paragraph's clean text (markup and footnote markers removed). */
export function readParagraphMarker(text: string): ParagraphMarker | undefined {
  const number = /^(\d{1,3})\s?\.\s+(.*)$/s.exec(text);
  if (number) return { type: 'number', value: Number(number[1]), alternatives: [], rest: number[2] ?? '' };
  const comma = /^(\d{1,2})(?:,\s+|\.)(?=[A-Z])(.*)$/s.exec(text);
  if (comma) return { type: 'number', value: -1, alternatives: [Number(comma[1])], rest: comma[2] ?? '' };
  const misread = /^([0-9lIS§O]{1,2})\.\s+(?=[A-Z])(.*)$/s.exec(text);
  if (misread) {
    const digits = [...(misread[1] ?? '')].map((character) => misreadDigits[character] ?? Number(character));
    if (digits.every((digit) => Number.isInteger(digit))) {
      return { type: 'number', value: -1, alternatives: [Number(digits.join(''))], rest: misread[2] ?? '' };
    }
  }
  const parenthesized = /^\(([a-z]{1,5}|\d{1,2})[}\]]?\)\s*(.*)$/s.exec(text) ?? /^([a-z])\)\s+(.*)$/s.exec(text);
  if (parenthesized && (parenthesized[2] ?? '').length > 0) {
    return { type: 'parenthesized', token: parenthesized[1] ?? '', rest: parenthesized[2] ?? '' };
  }
  const dash = /^[—–-]+\s+(.*)$/s.exec(text);
  if (dash) return { type: 'dash', rest: dash[1] ?? '' };
  return undefined;
}

/**
 * Paragraph references written the way people write them: "6 (c)", "op 14", "operative paragraph
 * 5(b)", "the fourth preambular paragraph", "preamble para 3", "footnote 12". Returned as unit names
 * (`OP6(c)`, `PP4`, `FN12`) to be resolved against a document.
 */

const ordinalWords = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth', 'twentieth',
];
const tensWords: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

/** "fourth" → 4, "twenty-first" → 21, "3rd" → 3, "12" → 12. */
export function parseOrdinal(word: string): number | undefined {
  const lower = word.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(lower);
  if (digits) return Number(digits[1]);
  const simple = ordinalWords.indexOf(lower);
  if (simple >= 0) return simple + 1;
  const compound = /^(twenty|thirty|forty|fifty)[- ]?(\w+)$/.exec(lower);
  if (compound) {
    const unitPart = ordinalWords.indexOf(compound[2]!);
    if (unitPart >= 0 && unitPart < 9) return tensWords[compound[1]!]! + unitPart + 1;
  }
  if (lower === 'thirtieth') return 30;
  if (lower === 'fortieth') return 40;
  return undefined;
}

const ordinalPattern =
  '(\\d+(?:st|nd|rd|th)?|(?:twenty|thirty|forty|fifty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|' +
  [...ordinalWords, 'thirtieth', 'fortieth'].join('|') +
  ')';

/** `(b)(ii)` → `(b)(ii)`; keeps only letters and roman numerals in brackets. */
function subdivision(letter?: string, roman?: string): string {
  return `${letter ? `(${letter.toLowerCase()})` : ''}${roman ? `(${roman.toLowerCase()})` : ''}`;
}

const operativePatterns: RegExp[] = [
  // "subparagraph (c) of paragraph 6"
  /\bsub-?paragraph\s*\(\s*([a-z])\s*\)\s*of\s+(?:operative\s+)?paragraph\s+(\d{1,3})/gi,
  // "operative paragraph 5 (b)", "op 14", "OP5(b)", "paragraph 6 (c)", "para. 5", "§ 5"
  /\b(?:operative\s+(?:paragraph|para\.?)|op\.?|paragraphs?|paras?\.?|§)\s*(\d{1,3})\s*(?:\(\s*([a-z])\s*\))?\s*(?:\(\s*([ivx]{1,5})\s*\))?/gi,
  // bare "6 (c)" or "6(c)(ii)"
  /\b(\d{1,3})\s*\(\s*([a-z])\s*\)\s*(?:\(\s*([ivx]{1,5})\s*\))?/gi,
];

const preamblePatterns: RegExp[] = [
  new RegExp(`\\b(?:the\\s+)?${ordinalPattern}\\s+(?:preambular|preamble)\\s+(?:paragraph|para\\.?|clause)`, 'gi'),
  new RegExp(`\\b${ordinalPattern}\\s+(?:paragraph|para\\.?|clause)\\s+of\\s+the\\s+preamble`, 'gi'),
  /\b(?:preambular|preamble)\s*(?:paragraph|para\.?|clause)?\s*(\d{1,3})\b/gi,
  /\bpp\.?\s*(\d{1,3})\b/gi,
];

const footnotePattern = /\b(?:foot-?note|fn\.?)\s*(\d{1,3})\b/gi;

export interface ParagraphReference {
  /** Unit name within a document, e.g. `OP6(c)`, `PP4`, `FN12`. */
  unit: string;
  /** Where in the question it was written, so filters can ignore the same digits. */
  start: number;
  end: number;
}

export function parseParagraphReferences(question: string): ParagraphReference[] {
  const found: ParagraphReference[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([from, to]) => start < to && end > from);
  const add = (unit: string, start: number, end: number) => {
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    found.push({ unit, start, end });
  };
  // "the last operative paragraph" is resolved against the document by the caller.
  for (const match of question.matchAll(/\b(?:the\s+)?(?:last|final)\s+(operative|preambular)\s+paragraph\b/gi)) {
    add(match[1]!.toLowerCase() === 'operative' ? 'OP*last' : 'PP*last', match.index, match.index + match[0].length);
  }
  for (const match of question.matchAll(footnotePattern)) {
    add(`FN${Number(match[1])}`, match.index, match.index + match[0].length);
  }
  for (const pattern of preamblePatterns) {
    for (const match of question.matchAll(pattern)) {
      const number = parseOrdinal(match[1]!);
      if (number !== undefined && number > 0) add(`PP${number}`, match.index, match.index + match[0].length);
    }
  }
  for (const [position, pattern] of operativePatterns.entries()) {
    for (const match of question.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      // "74/148 (2019)" or "resolution 76/172" are symbols, not paragraphs.
      const before = question.slice(Math.max(0, start - 1), start);
      if (before === '/' || /^\d+\s*\/\s*\d/.test(question.slice(start))) continue;
      if (/\bitem\s*$/i.test(question.slice(0, start))) continue;
      if (position === 0) add(`OP${Number(match[2])}${subdivision(match[1])}`, start, end);
      else add(`OP${Number(match[1])}${subdivision(match[2], match[3])}`, start, end);
    }
  }
  return found.sort((left, right) => left.start - right.start);
}

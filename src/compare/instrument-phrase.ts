/**
 * Finds the name of the instrument a footnote marker is attached to, e.g. "Universal Declaration of
 * Human Rights" in "Reaffirming the Universal Declaration of Human Rights,⁵ which proclaims …".
 * Instrument names are title-case runs joined by a few lower-case words, so the phrase is read
 * backwards from the marker while the words keep that shape.
 */

const MARKER_START = '\u0001';
const MARKER_END = '\u0002';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const JOINING_WORDS = new Set(['of', 'on', 'and', 'for', 'against', 'the', 'to', 'in', 'or', 'by', 'with', 'from', 'at', 'resolution', 'resolutions', 'decision', 'decisions']);
const EDGE_WORDS = new Set(['of', 'on', 'and', 'for', 'against', 'the', 'to', 'in', 'or', 'by', 'with', 'from', 'at']);

/** Raw unit text with markup removed and each footnote marker turned into `\u0001<n>\u0002`. */
export function markFootnotes(rawText: string): string {
  return rawText
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()[\]])/g, '$1')
    .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, `${MARKER_START}$1${MARKER_END}`)
    .replace(/<[^>]+>/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (digits) => {
      const number = [...digits].map((digit) => SUPERSCRIPT_DIGITS.indexOf(digit)).join('');
      return `${MARKER_START}${number}${MARKER_END}`;
    })
    .replace(/[*_]/g, '')
    .replace(/^\s*(?:\d+\.|\([a-z]+\))\s*/, '');
}

interface Token {
  text: string;
  /** Title-case word, number or parenthesised group: the body of a name. */
  strong: boolean;
  joining: boolean;
  comma: boolean;
}

function tokenize(segment: string, startsUnit: boolean): Token[] {
  const pieces = segment.match(/\([^()]*\)|[\p{L}\p{N}][\p{L}\p{N}'’./-]*|[,;:.!?"“”]/gu) ?? [];
  return pieces.map((piece, index) => {
    const word = piece.replace(/\.$/, '');
    const capitalised = /^\p{Lu}/u.test(piece) && !(startsUnit && index === 0);
    const strong = capitalised || /\d/.test(piece) || piece.startsWith('(');
    return { text: piece, strong, joining: JOINING_WORDS.has(word.toLowerCase()) && !capitalised, comma: piece === ',' };
  });
}

/** Maximal runs of name-shaped tokens, trimmed of joining words at the edges. */
function nameRuns(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  const close = (): void => {
    while (current.length > 0 && (current[0]!.comma || EDGE_WORDS.has(current[0]!.text.toLowerCase()))) current.shift();
    while (current.length > 0 && (current.at(-1)!.comma || current.at(-1)!.joining)) current.pop();
    if (current.some((token) => token.strong && /^\p{Lu}/u.test(token.text))) runs.push(current);
    current = [];
  };
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const keeps = token.strong || token.joining || (token.comma && next !== undefined && next.strong);
    if (keeps) current.push(token);
    else close();
  });
  close();
  return runs;
}

function joinTokens(tokens: readonly Token[]): string {
  return tokens
    .map((token) => token.text)
    .join(' ')
    .replace(/\s+,/g, ',')
    .trim();
}

/**
 * The phrase naming what footnote `footnoteNumber` is attached to in each place the unit marks it,
 * in order. The run right before the marker wins; when the marker ends a lower-case clause
 * ("… movements of refugees and migrants,¹⁷") the longest name in the clause is taken instead.
 */
export function instrumentsBeforeMarker(rawText: string, footnoteNumber: number): string[] {
  const marked = markFootnotes(rawText);
  const markerPattern = new RegExp(`${MARKER_START}(\\d+)${MARKER_END}`, 'g');
  const phrases: string[] = [];
  let segmentStart = 0;
  for (const match of marked.matchAll(markerPattern)) {
    const index = match.index ?? 0;
    if (Number(match[1]) === footnoteNumber) {
      const segment = marked.slice(segmentStart, index).replace(/[\s,;:]+$/, '');
      const tokens = tokenize(segment, segmentStart === 0);
      const runs = nameRuns(tokens);
      const last = runs.at(-1);
      const endsWithName = last !== undefined && last.at(-1) === tokens.at(-1) && !isDate(last);
      const chosen = endsWithName ? last : longest(runs);
      if (chosen) phrases.push(joinTokens(chosen));
    }
    segmentStart = index + match[0].length;
  }
  return phrases;
}

const MONTHS = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** "3 and 4 October 2013" ends a clause like a name does but names nothing. */
function isDate(run: readonly Token[]): boolean {
  return run.every((token) => !token.strong || /^\d+$/.test(token.text) || MONTHS.test(token.text));
}

function longest(runs: readonly Token[][]): Token[] | undefined {
  let best: Token[] | undefined;
  for (const run of runs) {
    const strength = run.filter((token) => token.strong).length;
    if (!best || strength >= best.filter((token) => token.strong).length) best = run;
  }
  return best;
}

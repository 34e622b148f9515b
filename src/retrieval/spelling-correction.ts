import { isStopWord, tokenize } from './text-terms.js';

export interface SpellingCorrection {
  text: string;
  corrections: Array<{ from: string; to: string }>;
}

export interface SpellingCorrector {
  correct(text: string): SpellingCorrection;
}

/**
 * Corrects words the corpus (and the thesaurus) never uses to the closest word it does use, within
 * one edit for words of 5–7 letters (English words WordNet knows are never changed) and two for longer ones (Damerau: a swap counts once). Short
 * words are left alone: too many neighbours. Ties go to the word that keeps the first letter, then the more frequent one.
 */
export function createSpellingCorrector(
  words: Iterable<string>,
  isKnownWord: (word: string) => boolean = () => false,
  /** Other real words (WordNet's), candidates of last resort: "ilegally" is "illegally", not the corpus's "legally". */
  fallbackWords: Iterable<string> = [],
): SpellingCorrector {
  const frequency = new Map<string, number>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (/^[a-z]+$/.test(lower)) frequency.set(lower, (frequency.get(lower) ?? 0) + 1);
  }
  const fallback = new Set<string>();
  for (const word of fallbackWords) if (/^[a-z]+$/.test(word) && !frequency.has(word)) fallback.add(word);
  const byLength = new Map<number, string[]>();
  for (const word of frequency.keys()) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

  type Candidate = { word: string; distance: number; count: number; keepsFirst: boolean };
  // Typos rarely touch the first letter: at equal distance, keeping it beats frequency.
  const better = (candidate: Candidate, best: Candidate | undefined) =>
    !best ||
    candidate.distance < best.distance ||
    (candidate.distance === best.distance && candidate.keepsFirst && !best.keepsFirst) ||
    (candidate.distance === best.distance && candidate.keepsFirst === best.keepsFirst && candidate.count > best.count);

  const closest = (word: string): string | undefined => {
    const limit = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (limit === 0) return undefined;
    let best: Candidate | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      for (const candidate of byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, limit);
        if (distance > limit) continue;
        const entry = { word: candidate, distance, count: frequency.get(candidate) ?? 0, keepsFirst: candidate[0] === word[0] };
        if (better(entry, best)) best = entry;
      }
    }
    // Dictionary words only one edit away: among 150,000 of them two edits reach too far ("anything" → "nothing").
    if (fallback.size > 0 && (!best || best.distance > 1 || !best.keepsFirst)) {
      for (const candidate of singleEdits(word)) {
        if (!fallback.has(candidate)) continue;
        const entry = { word: candidate, distance: 1, count: 0, keepsFirst: candidate[0] === word[0] };
        if (better(entry, best)) best = entry;
      }
    }
    return best?.word;
  };

  return {
    correct(text) {
      const corrections: SpellingCorrection['corrections'] = [];
      const corrected = text.replace(/[A-Za-z]+/g, (token) => {
        const lower = token.toLowerCase();
        if (frequency.has(lower) || !/^[a-z]+$/.test(lower) || isStopWord(lower) || isKnownWord(lower)) return token;
        const replacement = closest(lower);
        if (!replacement) return token;
        corrections.push({ from: token, to: replacement });
        return replacement;
      });
      return { text: corrected, corrections };
    },
  };
}

/** Optimal-string-alignment distance, abandoning once every cell of a row exceeds `limit`. */
export function editDistance(left: string, right: string, limit = Infinity): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: columns }, (_, column) => column);
  for (let row = 1; row < rows; row += 1) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column < columns; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, previousPrevious[column - 2]! + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[columns - 1]!;
}

/** Every word of the texts, for the corrector's dictionary. */
export function wordsOf(texts: Iterable<string>): string[] {
  const words: string[] = [];
  for (const text of texts) words.push(...tokenize(text));
  return words;
}

/** Every string one deletion, swap, substitution or insertion away. */
function singleEdits(word: string): Set<string> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const edits = new Set<string>();
  for (let position = 0; position <= word.length; position += 1) {
    const [head, tail] = [word.slice(0, position), word.slice(position)];
    if (tail) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of letters) {
      if (tail) edits.add(head + letter + tail.slice(1));
      edits.add(head + letter + tail);
    }
  }
  edits.delete(word);
  return edits;
}

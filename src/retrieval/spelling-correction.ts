import { tokenize } from './text-terms.js';

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
 * words are left alone: too many neighbours. Ties go to the more frequent word.
 */
export function createSpellingCorrector(words: Iterable<string>, isKnownWord: (word: string) => boolean = () => false): SpellingCorrector {
  const frequency = new Map<string, number>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (/^[a-z]+$/.test(lower)) frequency.set(lower, (frequency.get(lower) ?? 0) + 1);
  }
  const byLength = new Map<number, string[]>();
  for (const word of frequency.keys()) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

  const closest = (word: string): string | undefined => {
    const limit = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (limit === 0) return undefined;
    let best: { word: string; distance: number; count: number } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      for (const candidate of byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, limit);
        if (distance > limit) continue;
        const count = frequency.get(candidate) ?? 0;
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
      }
    }
    return best?.word;
  };

  return {
    correct(text) {
      const corrections: SpellingCorrection['corrections'] = [];
      const corrected = text.replace(/[A-Za-z]+/g, (token) => {
        const lower = token.toLowerCase();
        if (frequency.has(lower) || !/^[a-z]+$/.test(lower) || isKnownWord(lower)) return token;
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

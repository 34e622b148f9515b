import { stemmer } from 'stemmer';

/**
 * Function words carry no topic and appear in every paragraph; left in, they make unrelated
 * paragraphs look alike and blur the alignment.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being both but by can could did do does for from had has have he her his ' +
    'i if in into is it its it\'s me my no nor not of on or our she so such than that the their them then ' +
    'there these they this those to too was we were what when where which while who whom why will with ' +
    'would you your all any each also inter alia'
  ).split(' '),
);

const WORD_PATTERN = /[\p{L}\p{N}]+(?:[-'’/][\p{L}\p{N}]+)*/gu;

/** Lower-cased words of a text in reading order, hyphenated words and symbols like `74/148` kept whole. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD_PATTERN) ?? []).map((word) => word.replace(/’/g, "'"));
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Stem of one lower-cased word, so "enforce", "enforcing" and "enforcement" meet. */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stemCache.size < 100_000) stemCache.set(word, stem);
  }
  return stem;
}

// Resolutions reuse a small vocabulary; stemming each word once keeps alignment cheap.
const stemCache = new Map<string, string>();

/** The distinct stems of a text's content words. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of words(text)) {
    if (!isStopWord(word)) stems.add(stemWord(word));
  }
  return stems;
}

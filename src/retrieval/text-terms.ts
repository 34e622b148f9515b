import { stemmer } from 'stemmer';

/**
 * Words that carry no topic: question scaffolding and function words. Kept small on purpose so that
 * legal verbs ("calls", "urges") still count when a user quotes them.
 */
const stopWords = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves say says said tell me please mention mentions mentioned
  resolution resolutions document documents text texts un general assembly paragraph paragraphs
  anything something thing things there's what's it's whats regarding concerning re one ones
  get gets getting got go goes going keep keeps allowed allow supposed someone anyone anybody somebody ask asks
  asked want wants need needs still specifically exactly really kind sort type way also just according`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Lower-cased word tokens, keeping digits and hyphenated words split into parts. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

/** Plurals Porter leaves apart from their singular ("children" vs "child"). */
const irregularForms = new Map([
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['people', 'person'],
  ['persons', 'person'],
]);

/** Porter runs some twenty regular expressions per word; answers stem the same few thousand words again and again. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase().replace(/'s$/, '');
  const stemmed = stemmer(irregularForms.get(lower) ?? lower);
  // Bounded so that a stream of never-seen words cannot grow memory without limit.
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/** Content words of a text (stop words removed), in order, with duplicates. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter((word) => !stopWords.has(word) && !/^'/.test(word));
}

/** Distinct stems of the content words. */
export function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stem));
}

/** Numbers written with digits, normalised (thousands separators removed). */
export function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((value) => value.replace(/,/g, '').replace(/\.$/, ''));
}

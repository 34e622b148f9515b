/**
 * Key-fact matching. A fact counts as present when its normalised form is a substring of the
 * normalised answer. Normalisation (documented in eval/README.md):
 * - case-insensitive (Unicode NFKC, then lower case);
 * - curly quotes and primes become straight quotes, and all hyphen and dash variants become `-`;
 * - "percent", "per cent" and "%" are one token;
 * - whitespace runs, including around hyphens and inside brackets, collapse to one space;
 * - markdown emphasis (`*`, `_`) is ignored.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad]/g, '-')
    .replace(/[*_]/g, '')
    .replace(/\s*%/g, ' per cent')
    .replace(/\bper\s*cent\b/g, ' per cent')
    .replace(/\s*-\s*/g, '-')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
}

export function containsKeyFact(text: string, fact: string): boolean {
  const needle = normalizeForMatch(fact);
  return needle.length > 0 && normalizeForMatch(text).includes(needle);
}

/** Fraction of facts present; undefined when there are no facts to find. */
export function keyFactRecall(text: string, facts: readonly string[]): number | undefined {
  if (facts.length === 0) return undefined;
  const haystack = normalizeForMatch(text);
  const found = facts.filter((fact) => {
    const needle = normalizeForMatch(fact);
    return needle.length > 0 && haystack.includes(needle);
  });
  return found.length / facts.length;
}

export function missingKeyFacts(text: string, facts: readonly string[]): string[] {
  const haystack = normalizeForMatch(text);
  return facts.filter((fact) => !haystack.includes(normalizeForMatch(fact)));
}

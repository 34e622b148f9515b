import type { DocumentUnit } from '../corpus/resolution-document.js';
import type { TermWeights } from '../retrieval/feature-reranker.js';
import { stem, tokenize } from '../retrieval/text-terms.js';

export interface QuestionTerms {
  /** Stems of the user's own content words. */
  own: string[];
  /** Stems added by query expansion. */
  expanded: string[];
  /**
   * For an own stem, the formal terms expansion found for it, as stems joined by spaces ("kid" → child,
   * "ILO" → "intern labour organ"): a term counts only where all its stems are.
   */
  alternatives?: ReadonlyMap<string, readonly string[]>;
}

export interface SelectedQuote {
  /** Verbatim words of the unit; omitted stretches are marked with an ellipsis. */
  quote: string;
  /** Share of the question's weight the quote covers (0..1). */
  coverage: number;
}

const maximumQuoteLength = 420;
/** An expansion term counts for most, not all, of the plain word it stands in for. */
const alternativeCredit = 0.8;

/** Idf-weighted share of the question's terms present in a set of stems (directly or through expansion). */
export function termCoverage(terms: QuestionTerms, stems: ReadonlySet<string>, weights: TermWeights): number {
  const total = terms.own.reduce((sum, stemmed) => sum + weights.idf(stemmed), 0);
  if (total === 0) return 0;
  let covered = 0;
  for (const stemmed of terms.own) {
    if (stems.has(stemmed)) covered += weights.idf(stemmed);
    else if (terms.alternatives?.get(stemmed)?.some((alternative) => alternative.split(' ').every((part) => stems.has(part)))) {
      covered += alternativeCredit * weights.idf(stemmed);
    }
  }
  return Math.min(1, covered / total);
}

/** Splits a paragraph into clauses at semicolons and commas that open a new infinitive or clause. */
export function splitClauses(text: string): string[] {
  return text
    .split(/(?<=[;,:])\s+(?=(?:and\s+|or\s+)?(?:to|which|who|while|including|in\s+particular|inter\s+alia|as\s+well\s+as|and|bearing|with|recognizing|ensuring|taking|calls|urges|requests|encourages|invites|stresses)\b)|(?<=;)\s+/i)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/**
 * Picks the words of a unit that answer the question: the whole unit when short, otherwise its
 * opening clause (who does what) plus the best-matching clauses, joined by an ellipsis.
 */
export function selectQuote(unit: DocumentUnit, terms: QuestionTerms, weights: TermWeights): SelectedQuote {
  const text = unit.text.replace(/\s+/g, ' ').trim();
  const unitStems = new Set(tokenize(`${unit.leadIn ?? ''} ${text}`).map(stem));
  const coverage = termCoverage(terms, unitStems, weights);
  if (text.length <= maximumQuoteLength) return { quote: text, coverage };
  const clauses = splitClauses(text);
  const scored = clauses.map((clause, position) => {
    const stems = new Set(tokenize(clause).map(stem));
    return { clause, position, score: termCoverage(terms, stems, weights) };
  });
  const chosen = new Set<number>([0]);
  let length = clauses[0]?.length ?? 0;
  for (const candidate of [...scored].sort((left, right) => right.score - left.score || left.position - right.position)) {
    if (candidate.score <= 0 || chosen.has(candidate.position)) continue;
    if (length + candidate.clause.length > maximumQuoteLength && chosen.size > 1) break;
    chosen.add(candidate.position);
    length += candidate.clause.length;
  }
  const ordered = [...chosen].sort((left, right) => left - right);
  let quote = '';
  ordered.forEach((position, index) => {
    const clause = clauses[position]!;
    if (index === 0) quote = clause;
    else if (position === ordered[index - 1]! + 1) quote += ` ${clause}`;
    else quote = `${quote.replace(/[,;:]$/, '')} … ${clause}`;
  });
  quote = quote.replace(/[,;:]$/, '');
  if (ordered.at(-1) !== clauses.length - 1) quote += ' …';
  return { quote, coverage };
}

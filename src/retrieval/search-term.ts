import { stemmer } from 'stemmer';
import { ENGLISH_STOP_WORDS } from './english-stop-words.js';

/**
 * Plural forms Porter leaves alone ("children" stays "children", "child" becomes "child"); mapping them
 * to the singular first lets a question about a child find paragraphs about children.
 */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['people', 'person'],
  ['persons', 'person'],
  ['peoples', 'person'],
  // Citations say "para." and "paras."; questions say "paragraph".
  ['para', 'paragraph'],
  ['paras', 'paragraph'],
]);

/** Tokens repeat heavily across a corpus; memoising the stemmer makes index builds several times faster. */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 500_000;

/**
 * Normalises one token for the lexical index and for queries alike: lower-case, drop stop words and
 * possessive endings, map irregular plurals, then Porter-stem. Returns null for a token to ignore.
 */
export function normalizeSearchTerm(token: string): string | null {
  const known = memo.get(token);
  if (known !== undefined) return known;
  const normalized = computeSearchTerm(token);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token, normalized);
  return normalized;
}

function computeSearchTerm(token: string): string | null {
  const lower = token.toLowerCase().replace(/['’]s$/u, '').replace(/['’]/gu, '');
  if (lower === '' || ENGLISH_STOP_WORDS.has(lower)) return null;
  const base = IRREGULAR_FORMS.get(lower) ?? lower;
  // Numbers and symbols ("76", "172", "2019") are kept verbatim; stemming would mangle nothing useful.
  return /^\p{L}+$/u.test(base) ? stemmer(base) : base;
}

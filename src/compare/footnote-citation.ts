/**
 * Footnotes of UN documents cite sources in a fixed style ("United Nations, Treaty Series, vol. 1465,
 * No. 24841") and repeat the previous source with "Ibid.", replacing only the parts that differ
 * ("Ibid., vol. 2716, No. 48088"). Resolving Ibid. gives each footnote a complete, comparable citation.
 */

/** Footnote text without markup, a leading "See" or the closing full stop. */
export function cleanCitation(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()[\]])/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^see\s+(also\s+)?/i, '')
    .replace(/\.$/, '')
    .trim()
    .replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

const IBID = /^ibid\.?\s*(?:,\s*)?/i;

export function isIbid(text: string): boolean {
  return IBID.test(cleanCitation(text));
}

type PartKind = 'session' | 'supplement' | 'volume' | 'chapter' | 'section' | 'number' | 'year' | 'annex' | 'paragraph';

function partKind(part: string): PartKind | undefined {
  if (/\bsession$/i.test(part)) return 'session';
  if (/^supplement\b/i.test(part)) return 'supplement';
  if (/^vols?\./i.test(part)) return 'volume';
  if (/^chap\./i.test(part)) return 'chapter';
  if (/^sect\./i.test(part)) return 'section';
  if (/^no\.\s/i.test(part)) return 'number';
  if (/^\d{4}$/.test(part)) return 'year';
  if (/^annex/i.test(part)) return 'annex';
  if (/^paras?\./i.test(part)) return 'paragraph';
  return undefined;
}

/** Splits on ", " outside parentheses. */
function citationParts(citation: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = 0; index < citation.length; index += 1) {
    const character = citation[index]!;
    if (character === '(') depth += 1;
    if (character === ')') depth = Math.max(0, depth - 1);
    if (character === ',' && depth === 0 && citation[index + 1] === ' ') {
      parts.push(current.trim());
      current = '';
      index += 1;
      continue;
    }
    current += character;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/**
 * The complete citation of a footnote, given the complete citation of the footnote before it.
 * "Ibid." alone repeats the previous citation; "Ibid., <locator>" keeps the previous source up to
 * the first part of the same kind as the locator (a volume replaces a volume, a session a session).
 */
export function resolveCitation(text: string, previousCitation: string | undefined): string {
  const cleaned = cleanCitation(text);
  if (!IBID.test(cleaned) || previousCitation === undefined) return cleaned;
  const remainder = cleaned.replace(IBID, '').trim();
  if (remainder.length === 0) return previousCitation;
  const previousParts = citationParts(previousCitation);
  const remainderParts = citationParts(remainder);
  const kind = partKind(remainderParts[0] ?? '');
  let cut = kind ? previousParts.findIndex((part) => partKind(part) === kind) : -1;
  if (cut === -1) cut = previousParts.findIndex((part) => partKind(part) !== undefined);
  if (cut === -1) cut = previousParts.length;
  return [...previousParts.slice(0, Math.max(1, cut)), ...remainderParts].join(', ');
}

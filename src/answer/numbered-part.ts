/**
 * Numbered parts of other instruments a question may cite ("objective 13 of the Global Compact",
 * "Goal 10", "target 10.7"). Such a question is only answered by a paragraph naming that very part.
 */

/** Nouns that number the parts of instruments a resolution may cite ("Goal 10", "target 10.7", "article 5"). */
const numberedPartPattern = /\b(objective|goal|target|article|principle|chapter|section|commitment|recommendation|action)s?\s+(\d+(?:\.\d+)?[a-z]?)\b/gi;

export interface NumberedPart {
  noun: string;
  number: string;
}

export function numberedParts(text: string): NumberedPart[] {
  return [...text.matchAll(numberedPartPattern)].map((match) => ({ noun: match[1]!.toLowerCase(), number: match[2]!.toLowerCase() }));
}

/** Does the text name the part, also within a list ("Goals 8 and 10" names goal 10)? */
export function namesNumberedPart(text: string, part: NumberedPart): boolean {
  const number = part.number.replace(/\./g, '\\.');
  const listed = String.raw`(?:\d+(?:\.\d+)?[a-z]?(?:\s*,\s*|\s+and\s+|\s+to\s+))*`;
  return new RegExp(String.raw`\b${part.noun}s?\s+${listed}${number}\b`, 'i').test(text);
}

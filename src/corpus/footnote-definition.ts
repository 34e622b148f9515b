import { superscriptToNumber } from './footnote-markers.js';

export type FootnoteStyle = 'html' | 'superscript' | 'slash' | 'plain';

export interface FootnoteDefinitionStart {
  number: number;
  style: FootnoteStyle;
  /** The line with its number removed. */
  rest: string;
}

/**
 * How footnotes of Security Council prints begin. Above the adoption line (or where a text has none) a
 * line "18 Resolutions or decisions ..." is only taken for a footnote when it opens like one, because a
 * paragraph whose number lost its full stop ("7 Calls upon ...") must stay in the text.
 */
const typicalFootnoteStart = /^(Ibid\b|See\b|Official Records\b|Resolutions?\b|Documents?\b|Adopted without\b|The draft resolution\b|[AS]\/\d)/;

/**
 * Recognises the first line of a footnote definition: `<sup>5</sup> text`, `⁵ text`, `1/ text`.
 * Plain `14 See ...` lines are only footnotes below the adoption line, so the caller asks for them.
 */
export function readFootnoteDefinitionStart(line: string, allowPlain = false): FootnoteDefinitionStart | undefined {
  const html = /^<sup>\s*(\d{1,3})\s*<\/sup>\s*(.*)$/i.exec(line);
  if (html) return { number: Number(html[1]), style: 'html', rest: html[2] ?? '' };
  const superscript = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/.exec(line);
  if (superscript) return { number: superscriptToNumber(superscript[1] ?? ''), style: 'superscript', rest: superscript[2] ?? '' };
  const slash = /^(\d{1,2})\/\s+(\S.*)$/.exec(line);
  if (slash) return { number: Number(slash[1]), style: 'slash', rest: slash[2] ?? '' };
  const plain = /^(\d{1,3})\s+([A-Z"“‘'(].*)$/.exec(line);
  if (plain && (allowPlain || typicalFootnoteStart.test(plain[2] ?? ''))) {
    return { number: Number(plain[1]), style: 'plain', rest: plain[2] ?? '' };
  }
  return undefined;
}

import { superscriptToNumber } from './footnote-markers.js';

export type FootnoteStyle = 'html' | 'superscript' | 'slash' | 'plain';

export interface FootnoteDefinitionStart {
  number: number;
  style: FootnoteStyle;
  /** The line with its number removed. */
  rest: string;
}

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
  if (allowPlain) {
    const plain = /^(\d{1,3})\s+([A-Z"“‘'(].*)$/.exec(line);
    if (plain) return { number: Number(plain[1]), style: 'plain', rest: plain[2] ?? '' };
  }
  return undefined;
}

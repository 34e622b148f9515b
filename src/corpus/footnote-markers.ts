const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscriptToNumber(marker: string): number {
  return Number([...marker].map((character) => String(superscriptDigits.indexOf(character))).join(''));
}

export interface FootnoteMarkerResult {
  /** The text with every recognised marker removed. */
  text: string;
  /** Footnote numbers in order of first reference. */
  references: number[];
}

export interface FootnoteMarkerOptions {
  /**
   * Footnote numbers defined in the document as plain "14 See ..." lines (older Security Council prints).
   * A bare number in running text is only taken for a marker when such a footnote exists and the number
   * follows punctuation or a year, because elsewhere it is far more likely to be a quantity.
   */
  plainNumbers?: ReadonlySet<number>;
}

/** Records and removes footnote markers: `<sup>5</sup>`, `⁵`, `¹³`, Security Council `1/`, and bare numbers. */
export function extractFootnoteMarkers(text: string, options: FootnoteMarkerOptions = {}): FootnoteMarkerResult {
  const references: number[] = [];
  const record = (value: number): void => {
    if (!references.includes(value)) references.push(value);
  };
  let result = text
    .replace(/<sup>\s*(\d{1,3})\s*<\/sup>/gi, (_match, digits: string) => {
      record(Number(digits));
      return '';
    })
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (marker) => {
      record(superscriptToNumber(marker));
      return '';
    })
    .replace(/(^|\s)(\d{1,2})\/(?=[\s,.;:)]|$)/g, (_match, before: string, digits: string) => {
      record(Number(digits));
      return before;
    });
  const plainNumbers = options.plainNumbers;
  if (plainNumbers && plainNumbers.size > 0) {
    // Markers come in runs ("Congo, 21 22"); each removal exposes the next one to the same pattern.
    for (let previous = ''; previous !== result; ) {
      previous = result;
      result = result.replace(
        /([,;.:)”"’]\s*|\b\d{4}\s+)(\d{1,3})(?=[\s,;.]|$)/g,
        (match, before: string, digits: string) => {
          const value = Number(digits);
          if (!plainNumbers.has(value)) return match;
          record(value);
          return before.trimEnd();
        },
      );
    }
  }
  return { text: result, references };
}

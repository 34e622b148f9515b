const months = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** OCR turns some letters into look-alikes ("Auqust"); matching on the first three letters absorbs most of it. */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const exact = months.indexOf(lower);
  if (exact >= 0) return exact + 1;
  const prefix = months.findIndex((month) => lower.length >= 3 && month.startsWith(lower.slice(0, 3)));
  return prefix >= 0 ? prefix + 1 : undefined;
}

/** Finds the first "16 December 2021" style date in the text and returns it as ISO `YYYY-MM-DD`. */
export function findEnglishDate(text: string): string | undefined {
  const pattern = /(\d{1,2})\s*[a-z£]?\.?\s+([A-Za-z]{3,9})[\]|]?\.?,?\s+[£]?(\d{4})/g;
  for (const match of text.matchAll(pattern)) {
    const day = Number(match[1]);
    const month = monthNumber(match[2] ?? '');
    const year = Number(match[3]);
    if (month === undefined || day < 1 || day > 31 || year < 1900 || year > 2100) continue;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}

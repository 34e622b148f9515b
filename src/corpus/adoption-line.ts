import { findEnglishDate } from './english-date.js';

/** What an adoption line says: "53rd plenary meeting 16 December 2021", "Adopted unanimously at the 1382nd meeting." */
export interface AdoptionLine {
  /** e.g. `53rd plenary meeting` or, for the Security Council, `4653rd meeting`. */
  meeting: string;
  date?: string;
}

function ordinal(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
  return `${value}${value % 10 > 3 ? 'th' : suffix}`;
}

/** OCR writes "1lst", "3rd_", "at _its"; the number is what matters, so the suffix is recomputed from it. */
const meetingPattern = /(\d{1,5})\s*[a-z]{0,3}_?\s+(?:\([a-z]+\)\s+)?(plenary\s+)?meet-?ing/i;

export function readAdoptionLine(text: string): AdoptionLine | undefined {
  const plenary = /^(\d{1,3})(?:st|nd|rd|th) plenary meeting\b/i.exec(text);
  const council = /^Ad[ao]pted\b/i.test(text) ? meetingPattern.exec(text) : null;
  const match = plenary ?? council;
  if (!match) return undefined;
  const value = Number(match[1]);
  const meeting = plenary ? `${ordinal(value)} plenary meeting` : `${ordinal(value)} meeting`;
  const date = findEnglishDate(text);
  return { meeting, ...(date ? { date } : {}) };
}

import { stripMarkup } from './strip-markup.js';

/** What the title line of a resolution says about its identity. */
export interface ResolutionHeading {
  symbol: string;
  body: 'General Assembly' | 'Security Council';
  title: string;
  url: string;
  /** Year from the symbol itself (Security Council), when it states one. */
  year?: number;
}

/**
 * Reads a resolution's identity from its own title line, never from the file name:
 * "76/172. Protection of migrants" (General Assembly), "Resolution 242 (1967)",
 * "RESOLUTION 902 (1994)" or "118 (1956). Resolution of 13 October 1956" (Security Council).
 */
export function readResolutionHeading(line: string): ResolutionHeading | undefined {
  const clean = stripMarkup(line);
  const assembly = /^(\d{1,3})\/(\d{1,4})\.\s+(\S.*)$/.exec(clean);
  if (assembly) {
    const symbol = `A/RES/${assembly[1]}/${assembly[2]}`;
    return { symbol, body: 'General Assembly', title: (assembly[3] ?? '').trim(), url: `https://undocs.org/en/${symbol}` };
  }
  // OCR damages the year ("(197-4)"); its four digits are still there.
  const council =
    /^resolution\s+(\d{1,4})\s*(?:\(([\d\s-]{4,6})\))?\s*(?:of\s+\d.*)?$/i.exec(clean) ??
    /^(\d{1,4})\s*\(([\d\s-]{4,6})\)\.?\s+Resolution\b/.exec(clean);
  const yearDigits = council?.[2]?.replace(/\D/g, '');
  if (council && (yearDigits === undefined || yearDigits.length === 4)) {
    return councilHeading(council[1] ?? '', yearDigits === undefined ? undefined : Number(yearDigits));
  }
  return undefined;
}

/** A Security Council resolution is numbered within the year it is adopted: `S/RES/242 (1967)`. */
export function councilHeading(number: string, year: number | undefined): ResolutionHeading {
  const symbol = year ? `S/RES/${number} (${year})` : `S/RES/${number}`;
  return {
    symbol,
    body: 'Security Council',
    title: year ? `Resolution ${number} (${year})` : `Resolution ${number}`,
    url: `https://undocs.org/en/${symbol.replace(' ', '')}`,
    ...(year ? { year } : {}),
  };
}

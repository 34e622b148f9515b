import { findEnglishDate } from './english-date.js';

/** Title-block fields of a General Assembly resolution. */
export interface HeaderMetadata {
  session?: string;
  agendaItem?: string;
  date?: string;
  committee?: string;
  committeeReport?: string;
}

/** Reads the title block, given its clean lines (markup stripped, one field per line where possible). */
export function readHeaderMetadata(lines: readonly string[]): HeaderMetadata {
  const metadata: HeaderMetadata = {};
  const joined = lines.join(' ').replace(/\s+/g, ' ');
  const session = /\b([A-Z][a-z]+(?:-[a-z]+)?) session\b/.exec(joined);
  if (session) metadata.session = `${session[1]} session`;
  const agenda = /\bAgenda items? (\d+(?:\s*\([a-z]\))?)/i.exec(joined);
  if (agenda) metadata.agendaItem = (agenda[1] ?? '').replace(/(\d)\(/, '$1 (');
  const adopted = /Resolution adopted by the (?:General Assembly|Security Council)\s+on\s+(.{6,25}?\d{4})/i.exec(joined);
  const date = adopted ? findEnglishDate(adopted[1] ?? '') : undefined;
  if (date) metadata.date = date;
  const report = /\[on the report of the ([A-Za-z-]+ Committee|[A-Z][A-Za-z ]+?)\s*\(([^\]]+)\)\s*\]/.exec(joined);
  if (report) {
    metadata.committee = report[1];
    metadata.committeeReport = (report[2] ?? '').trim();
  }
  return metadata;
}

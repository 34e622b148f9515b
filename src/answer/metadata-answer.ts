import type { ResolutionDocument } from '../corpus/resolution-document.js';
import type { MetadataField } from '../retrieval/query-analysis.js';
import type { AnswerDraft } from './answer-draft.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-12-16" → "16 December 2021", the way the documents write dates. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${months[month - 1]} ${year}`;
}

function unitOfKind(document: ResolutionDocument, kind: 'header' | 'footer'): string | undefined {
  return document.units.find((unit) => unit.kind === kind)?.id;
}

/**
 * Adoption date, plenary meeting, agenda item, committee report, session, committee and title come
 * from the parsed header/footer fields and cite the HEADER or FOOTER unit that states them.
 */
export function answerMetadata(
  field: MetadataField,
  document: ResolutionDocument,
  describe: string,
): AnswerDraft {
  // "A/RES/76/172 (2021), the latest resolution" needs a closing comma before the verb.
  describe = describe.includes(',') ? `${describe},` : describe;
  const header = unitOfKind(document, 'header');
  const footer = unitOfKind(document, 'footer');
  const cite = (...ids: Array<string | undefined>) => ids.filter((id): id is string => id !== undefined);
  const draft = (text: string, unitIds: string[]): AnswerDraft => ({ sentences: [{ text, unitIds }], abstained: false, quotes: new Map() });
  const missing = (what: string): AnswerDraft => ({
    sentences: [{ text: `${document.symbol} does not state ${what}.`, unitIds: [] }],
    abstained: true,
    quotes: new Map(),
    related: cite(header, footer),
  });
  switch (field) {
    case 'date':
      if (!document.date) return missing('its adoption date');
      return draft(`${describe} was adopted on ${formatDate(document.date)}.`, cite(footer ?? header));
    case 'meeting':
      if (!document.plenaryMeeting) return missing('the meeting at which it was adopted');
      return draft(
        `${describe} was adopted at the ${document.plenaryMeeting}${document.date ? `, on ${formatDate(document.date)}` : ''}.`,
        cite(footer ?? header),
      );
    case 'agendaItem':
      if (!document.agendaItem) return missing('an agenda item');
      return draft(`${describe} was adopted under agenda item ${document.agendaItem}.`, cite(header));
    case 'committeeReport':
      if (!document.committeeReport) return missing('the committee report it was adopted on');
      return draft(
        `${describe} was adopted on the report of the ${document.committee ?? 'Main Committee'} (${document.committeeReport}).`,
        cite(header),
      );
    case 'committee':
      if (!document.committee) return missing('a Main Committee');
      return draft(`${describe} was adopted on the report of the ${document.committee}.`, cite(header));
    case 'session':
      if (!document.session) return missing('a session');
      return draft(`${describe} was adopted at the ${document.session.toLowerCase()} of the ${document.body}.`, cite(header));
    case 'title':
      return draft(`The title of ${describe} is “${document.title}”.`, cite(header));
  }
}

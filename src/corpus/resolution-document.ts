/**
 * The parsed form of one resolution. Everything downstream (chunks, indexes, answers, comparisons)
 * refers to units by their canonical id `<symbol>:<unit>`, so these types are the project's contract.
 */

export type UnitKind = 'header' | 'preamble' | 'operative' | 'footnote' | 'footer' | 'annex';

export interface DocumentUnit {
  /** Canonical id, e.g. `A/RES/76/172:OP5(b)`. */
  id: string;
  /** The part after the symbol, e.g. `OP5(b)`, `PP3`, `FN31`, `HEADER`, `ANNEX1:P2`. */
  unit: string;
  kind: UnitKind;
  /** Readable label, e.g. `A/RES/76/172, para. 5 (b)`. */
  label: string;
  /** Clean text used for search and display: markup and footnote markers stripped, page breaks rejoined. */
  text: string;
  /** The source text of the unit as it stood in the file (markup kept), for audit. */
  rawText: string;
  /** Ids of the footnote units this unit references, in order of first reference. */
  footnotes: string[];
  /** Id of the enclosing unit for sub-paragraphs (`OP5(b)` → `A/RES/76/172:OP5`). */
  parentId?: string;
  /** Clean lead-in text of the ancestors, outermost first, for sub-paragraphs. */
  leadIn?: string;
  /** Position of the unit in reading order, 0-based. */
  order: number;
  /** 1-based line of the source file where the unit starts. */
  line: number;
}

export interface ResolutionDocument {
  /** e.g. `A/RES/76/172` or `S/RES/242 (1967)`. */
  symbol: string;
  /** e.g. `Protection of migrants`. */
  title: string;
  /** Issuing organ, e.g. `General Assembly`, `Security Council`. */
  body: string;
  /** Adoption date as ISO `YYYY-MM-DD`, when the document states it. */
  date?: string;
  year?: number;
  /** e.g. `Seventy-sixth session`. */
  session?: string;
  /** e.g. `74 (b)`. */
  agendaItem?: string;
  /** e.g. `A/76/462/Add.2, para. 114` (the report of the Main Committee the resolution was adopted on). */
  committeeReport?: string;
  /** e.g. `Third Committee`. */
  committee?: string;
  /** e.g. `53rd plenary meeting`. */
  plenaryMeeting?: string;
  /** Link to the official document, e.g. `https://undocs.org/en/A/RES/76/172`. */
  url: string;
  /** Path of the source file the document was parsed from. */
  sourceFile: string;
  /** sha256 of the source file's bytes. */
  checksum: string;
  units: DocumentUnit[];
}

import type { CorpusStore } from '../corpus/corpus-store.js';
import type { ResolutionDocument } from '../corpus/resolution-document.js';
import { parseParagraphReferences } from './paragraph-reference.js';
import { extractDocumentMentions, seriesOf, sortByDate } from './query-filters.js';
import type { RetrievalFilters } from './retrieval-types.js';

export type MetadataField = 'date' | 'meeting' | 'agendaItem' | 'committeeReport' | 'committee' | 'session' | 'title';

/** Kinds of facts the documents never state, so a question asking for one is abstained on. */
export type UnanswerableKind = 'vote' | 'sponsor' | 'person' | 'statistic' | 'legal-advice';

/** What an answer must contain to count as an answer. */
export type ExpectedValue = 'number' | 'date';

export interface QueryAnalysis {
  question: string;
  /** The question with document mentions removed, for search. */
  searchText: string;
  /** Request filters merged with what the question names. */
  filters: RetrievalFilters;
  /** Documents the question is about (all documents when it names none). */
  documents: ResolutionDocument[];
  /** True when the question named no version and several exist, so the latest was assumed. */
  assumedLatest: boolean;
  /** Units the question names explicitly, resolved to canonical ids. */
  unitIds: string[];
  /** Paragraph references that name no existing unit, as `<symbol>:<unit>`. */
  missingUnitIds: string[];
  metadataField?: MetadataField;
  listRequested: boolean;
  footnoteRequested: boolean;
  unanswerable?: UnanswerableKind;
  expectedValue?: ExpectedValue;
  /** Documents the question names that are not in the corpus. */
  unknownDocuments: string[];
}

const metadataPatterns: Array<[MetadataField, RegExp]> = [
  ['meeting', /\bplenary\s+meeting\b|\b(?:which|what)\s+meeting\b[^?]*\badopt/i],
  ['agendaItem', /\bagenda\s+item\b/i],
  ['committeeReport', /\b(?:committee(?:'s)?\s+report|report\s+of\s+the\s+\w+\s+committee|on\s+(?:the\s+)?(?:which|what)\s+report|which\s+report\b.*\badopted|report\s+(?:was\s+)?it\s+adopted\s+on|whose\s+report|report\b[^?]*\badopted\s+(?:up)?on\b[^?]*\?)/i],
  ['committee', /\b(?:which|what)\s+(?:main\s+)?committee\b/i],
  ['session', /\b(?:which|what)\s+session\b[^?]*\badopt|\badopted\b[^?]*\b(?:which|what)\s+session\b/i],
  ['date', /\b(?:adoption\s+date|date\s+of\s+(?:its\s+)?adoption|when\s+(?:was|were|did)\s+(?:it|this|that|they|the\s+(?:\d{4}\s+)?(?:resolution|text|document)s?|(?:resolution\s+)?(?:[as]\/res\/)?\d+\/\d+|(?:the\s+)?(?:latest|older|earlier|previous|first|newer)\s+(?:one|resolution|version))\b[^?]*\b(?:adopt|pass|approv)\w*|(?:what|which)\s+(?:date|day|year)\b[^?]*\b(?:adopt|pass|approv)\w*|adopted\s+(?:on\s+)?(?:what|which)\s+(?:date|day))/i],
  ['title', /\b(?:what\s+is\s+the\s+title|title\s+of\s+the\s+resolution|what\s+is\s+(?:the\s+)?resolution\s+called)\b/i],
];

const unanswerablePatterns: Array<[UnanswerableKind, RegExp]> = [
  ['vote', /\b(?:vot(?:e|es|ed|ing)|in\s+favou?r\b|against\s+it|abstain(?:ed|ing)?|abstentions?|recorded\s+vote|unanimous(?:ly)?|by\s+consensus|without\s+a\s+vote)\b/i],
  ['sponsor', /\b(?:who|which\s+(?:[\w-]+\s+){0,3}?(?:countr\w*|states?|organi[sz]ations?|governments?|delegations?|ngos?|groups?))\s+(?:\w+\s+)?(?:drafted|sponsored|co-?sponsored|introduced|tabled|proposed|wrote|authored|negotiated)\b|\b(?:sponsor(?:s|ed|ing)?|co-?sponsor\w*|introduced\s+(?:it|the\s+(?:draft|resolution))|who\s+(?:introduced|drafted|proposed|tabled|wrote|authored)|draft(?:ed)?\s+by)\b/i],
  ['statistic', /\b(?:actual(?:ly)?|in\s+practice|statistics?|currently|nowadays|real-world)\b[^?]*\b(?:cost|number|rate|amount|average|many|much|percentage|figure|level)\b|\bhow\s+many\s+\w+\s+(?:entered|arrived|crossed|live|lived|died|are\s+there|were\s+there)\b/i],
  // Advice on one person's own case: the resolutions address States, never an individual's lawsuit or next step.
  ['legal-advice', /\b(?:can|could|may|should)\s+(?:I|we|he|she|they)\s+(?:sue|appeal|win|use\s+(?:this|the|these|it)\b[^?]*\b(?:court|tribunal|judge|lawsuit|appeal))\b|\b(?:will|would)\s+(?:I|we|he|she|they)\s+win\b/i],
  ['person', /\b(?:who\s+(?:is|was)\s+the\s+(?:current\s+)?(?:special\s+rapporteur|chair|president|secretary-general|high\s+commissioner|rapporteur)|(?:name|names)\s+of\s+the\b|(?:'s|s')\s+name\b|what\s+is\s+(?:his|her)\s+name|who\s+signed)/i],
];

const listPattern =
  /\b(?:which|what|list|all|every|name\s+the)\b[^?]*\bparagraphs?\b[^?]*\b(?:mention|refer|talk|deal|address|cite|concern|speak|contain|discuss|cover|relate)\w*|\b(?:list|all|every|each)\s+(?:the\s+)?(?:paragraphs?|places?|mentions?|references?|parts|provisions)\b|\bwhere\s+(?:else\s+)?(?:does|do|is|are)\b[^?]*\b(?:mention|refer)\w*|\b(?:in\s+)?(?:which|what)\s+paragraphs\b|\b(?:which|what)\s+(?:other\s+)?(?:parts|sections|provisions|passages)\b|\blist\s+(?:them\s+)?all\b|\ball\s+of\s+them\b/i;

const footnotePattern =
  /\b(?:document\s+(?:symbols?|numbers?)|(?:which|what)\s+documents?\s+(?:is|are|was|were)\b|treaty\s+series|volume|vol\.|official\s+records|supplement\s+no|footnotes?|cited\s+(?:for|as)|citation\s+for|source\s+(?:cited|given)\s+for|where\s+(?:was|is)\b[^?]*\bpublished)\b/i;

const numberPattern =
  /\bhow\s+(?:many|much|long|old|often)\b|\bwhat\s+(?:percentage|percent|number|amount|proportion|share|figure|sum)\b|\bhow\s+high\b|\b(?:budget|price|salary|funding|quota)\b|\b(?:what|which)\s+(?:minimum|maximum)\b|\b(?:maximum|minimum|total|exact|average)\s+(?:number|amount|length|duration|period)\b/i;
const datePattern = /^\s*(?:and\s+)?when\b|\b(?:what\s+year|which\s+year|by\s+when|what\s+date|which\s+date|deadline)\b/i;

export function analyzeQuery(question: string, corpus: CorpusStore, requestFilters: RetrievalFilters = {}): QueryAnalysis {
  const all = corpus.documents();
  const mentions = extractDocumentMentions(question, all);
  const references = parseParagraphReferences(question).filter(
    (reference) => !mentions.spans.some(([from, to]) => reference.start < to && reference.end > from),
  );

  let documents = all.filter((document) => {
    if (requestFilters.symbols?.length && !requestFilters.symbols.includes(document.symbol)) return false;
    if (requestFilters.years?.length && (document.year === undefined || !requestFilters.years.includes(document.year))) return false;
    return true;
  });
  if (mentions.symbols.length > 0) documents = documents.filter((document) => mentions.symbols.includes(document.symbol));
  else if (mentions.years.length > 0) {
    documents = documents.filter((document) => document.year !== undefined && mentions.years.includes(document.year));
  }
  if (mentions.relative && documents.length > 1) {
    const latest = sortByDate(documents).at(-1)!;
    const series = seriesOf(latest, documents);
    documents = [mentions.relative === 'latest' ? series.at(-1)! : series[0]!];
  }

  const namesVersion =
    mentions.symbols.length > 0 || mentions.years.length > 0 || mentions.relative !== undefined ||
    Boolean(requestFilters.symbols?.length || requestFilters.years?.length);
  const metadataField = metadataPatterns.find(([, pattern]) => pattern.test(question))?.[0];
  const needsOneDocument = references.length > 0 || metadataField !== undefined;
  let assumedLatest = false;
  if (needsOneDocument && documents.length > 1) {
    const latest = sortByDate(documents).at(-1)!;
    const series = seriesOf(latest, documents);
    if (series.length > 1 || !namesVersion) {
      documents = [latest];
      assumedLatest = !namesVersion;
    }
  }

  const unitIds: string[] = [];
  const missingUnitIds: string[] = [];
  for (const reference of references) {
    for (const document of documents.slice(-1)) {
      const id = `${document.symbol}:${resolveLast(reference.unit, document)}`;
      if (corpus.getUnit(id)) unitIds.push(id);
      else missingUnitIds.push(id);
    }
  }

  const filters: RetrievalFilters = { ...requestFilters };
  if (documents.length < all.length) filters.symbols = documents.map((document) => document.symbol);
  // "…, according to the preamble?": the answer must come from that part (named paragraphs are resolved apart).
  const part = references.length === 0 && !requestFilters.kinds?.length ? namedPart(question) : undefined;
  if (part) filters.kinds = [part];

  const searchText = removeSpans(question, mentions.spans).replace(/\s+/g, ' ').trim();
  const unanswerable = unanswerablePatterns.find(([, pattern]) => pattern.test(question))?.[0];
  const analysis: QueryAnalysis = {
    question,
    searchText: searchText.length > 0 ? searchText : question,
    filters,
    documents,
    assumedLatest,
    unitIds,
    missingUnitIds,
    listRequested: listPattern.test(question),
    unknownDocuments: mentions.unknown,
    footnoteRequested: references.length === 0 && footnotePattern.test(question),
  };
  if (metadataField && unanswerable !== 'vote') analysis.metadataField = metadataField;
  if (unanswerable) analysis.unanswerable = unanswerable;
  if (numberPattern.test(question)) analysis.expectedValue = 'number';
  else if (datePattern.test(question) && !analysis.metadataField) analysis.expectedValue = 'date';
  return analysis;
}

const preamblePart = /\bpreamb(?:le|ular)\b/i;
const operativePart = /\boperative\s+(?:part|paragraphs?|section|provisions?)\b/i;

/** The one part of a resolution a question confines itself to, if any. */
function namedPart(question: string): 'preamble' | 'operative' | undefined {
  const preamble = preamblePart.test(question);
  const operative = operativePart.test(question);
  if (preamble === operative) return undefined;
  return preamble ? 'preamble' : 'operative';
}

/** `OP*last` → the highest-numbered operative paragraph of the document, `PP*last` likewise. */
function resolveLast(unit: string, document: ResolutionDocument): string {
  const last = /^(OP|PP)\*last$/.exec(unit)?.[1];
  if (!last) return unit;
  const numbers = document.units
    .map((candidate) => new RegExp(`^${last}(\\d+)$`).exec(candidate.unit)?.[1])
    .filter((value): value is string => value !== undefined)
    .map(Number);
  return numbers.length > 0 ? `${last}${Math.max(...numbers)}` : unit;
}

function removeSpans(text: string, spans: Array<[number, number]>): string {
  let result = '';
  let position = 0;
  for (const [from, to] of [...spans].sort((left, right) => left[0] - right[0])) {
    if (from < position) continue;
    result += `${text.slice(position, from)} `;
    position = to;
  }
  return result + text.slice(position);
}

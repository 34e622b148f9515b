import type { DocumentUnit, ResolutionDocument, UnitKind } from '../../src/corpus/resolution-document.js';

/**
 * Two small versions of one resolution, built by hand from the bundled texts, for tests that must
 * not wait for the parser: identical paragraphs in both, a changed one, footnotes, header/footer.
 */
interface UnitSpec {
  unit: string;
  kind: UnitKind;
  label: string;
  text: string;
  rawText?: string;
  footnotes?: string[];
  parent?: string;
  leadIn?: string;
}

function buildDocument(symbol: string, year: number, date: string, meeting: string, session: string, report: string, specs: UnitSpec[]): ResolutionDocument {
  const units: DocumentUnit[] = specs.map((spec, order) => ({
    id: `${symbol}:${spec.unit}`,
    unit: spec.unit,
    kind: spec.kind,
    label: `${symbol}, ${spec.label}`,
    text: spec.text,
    rawText: spec.rawText ?? spec.text,
    footnotes: (spec.footnotes ?? []).map((footnote) => `${symbol}:${footnote}`),
    ...(spec.parent ? { parentId: `${symbol}:${spec.parent}` } : {}),
    ...(spec.leadIn ? { leadIn: spec.leadIn } : {}),
    order,
    line: order + 1,
  }));
  return {
    symbol,
    title: 'Protection of migrants',
    body: 'General Assembly',
    date,
    year,
    session,
    agendaItem: year === 2021 ? '74 (b)' : '70 (b)',
    committeeReport: report,
    committee: 'Third Committee',
    plenaryMeeting: meeting,
    url: `https://undocs.org/en/${symbol}`,
    sourceFile: `corpus/${symbol.replace(/\//g, '_')}.txt`,
    checksum: 'test',
    units,
  };
}

const sharedUnits = (): UnitSpec[] => [
  {
    unit: 'PP1',
    kind: 'preamble',
    label: 'preamble, para. 1',
    text: 'Recalling all relevant international instruments, particularly the Convention on the Rights of the Child and the Vienna Convention on Consular Relations,',
    rawText: 'Recalling all relevant international instruments, particularly the Convention on the Rights of the Child,<sup>1</sup> and the Vienna Convention on Consular Relations,<sup>2</sup>',
    footnotes: ['FN1', 'FN2'],
  },
  { unit: 'OP1', kind: 'operative', label: 'para. 1', text: '1. Calls upon States to promote and protect effectively the human rights and fundamental freedoms of all migrants, regardless of their migration status, especially those of women and children;' },
  { unit: 'OP2', kind: 'operative', label: 'para. 2', text: '2. Also reaffirms the duty of States to effectively promote and protect the human rights of all migrants, and therefore:' },
  {
    unit: 'OP2(a)',
    kind: 'operative',
    label: 'para. 2 (a)',
    parent: 'OP2',
    leadIn: 'Also reaffirms the duty of States to effectively promote and protect the human rights of all migrants, and therefore:',
    text: '(a) Calls upon all States to respect the human rights and inherent dignity of migrants, to put an end to arbitrary arrest and detention and to pursue alternatives to detention while assessments of migration status are under way;',
  },
  {
    unit: 'OP2(b)',
    kind: 'operative',
    label: 'para. 2 (b)',
    parent: 'OP2',
    leadIn: 'Also reaffirms the duty of States to effectively promote and protect the human rights of all migrants, and therefore:',
    text: '(b) Encourages States to ensure that the best interests of the child are a primary consideration in all actions concerning migrant children, and to work towards ending the detention of migrant children;',
  },
  {
    unit: 'OP2(c)',
    kind: 'operative',
    label: 'para. 2 (c)',
    parent: 'OP2',
    leadIn: 'Also reaffirms the duty of States to effectively promote and protect the human rights of all migrants, and therefore:',
    text: '(c) Requests all States to enforce labour law effectively with regard to migrant workers\' labour relations and working conditions, and to facilitate their productive employment and decent work;',
  },
  { unit: 'OP3', kind: 'operative', label: 'para. 3', text: '3. Encourages Member States to combat trafficking in persons and smuggling of migrants, and to protect victims of trafficking in persons;' },
  { unit: 'FN1', kind: 'footnote', label: 'footnote 1', text: 'United Nations, Treaty Series, vol. 1577, No. 27531.' },
  { unit: 'FN2', kind: 'footnote', label: 'footnote 2', text: 'Ibid., vol. 596, No. 8638.' },
];

export function sampleDocuments(): ResolutionDocument[] {
  const older = buildDocument('A/RES/74/148', 2019, '2019-12-18', '50th plenary meeting', 'Seventy-fourth session', 'A/74/388/Add.2, para. 109', [
    { unit: 'HEADER', kind: 'header', label: 'header', text: 'Seventy-fourth session Agenda item 70 (b) Resolution adopted by the General Assembly on 18 December 2019 on the report of the Third Committee (A/74/388/Add.2, para. 109) 74/148. Protection of migrants' },
    ...sharedUnits(),
    { unit: 'OP4', kind: 'operative', label: 'para. 4', text: '4. Encourages States to reduce the transaction cost of migrant remittances to less than 3 per cent by 2030;' },
    { unit: 'FOOTER', kind: 'footer', label: 'adoption', text: '50th plenary meeting 18 December 2019' },
  ]);
  const newer = buildDocument('A/RES/76/172', 2021, '2021-12-16', '53rd plenary meeting', 'Seventy-sixth session', 'A/76/462/Add.2, para. 114', [
    { unit: 'HEADER', kind: 'header', label: 'header', text: 'Seventy-sixth session Agenda item 74 (b) Resolution adopted by the General Assembly on 16 December 2021 on the report of the Third Committee (A/76/462/Add.2, para. 114) 76/172. Protection of migrants' },
    ...sharedUnits(),
    { unit: 'OP4', kind: 'operative', label: 'para. 4', text: '4. Calls upon all States to include all migrants, regardless of their migration status, in their responses to the COVID-19 pandemic, including in equitable vaccination plans;' },
    { unit: 'OP5', kind: 'operative', label: 'para. 5', text: '5. Invites the Special Rapporteur on the human rights of migrants to submit his report to the General Assembly at its seventy-seventh session;' },
    { unit: 'FOOTER', kind: 'footer', label: 'adoption', text: '53rd plenary meeting 16 December 2021' },
  ]);
  return [older, newer];
}

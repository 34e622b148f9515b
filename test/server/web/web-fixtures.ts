import type { AnswerRequest } from '../../../src/answer/answer-types.js';
import type { ScriptedAnswer, UnitView } from './web-test-servers.js';

/** Real paragraphs of A/RES/76/172 (corpus/A_RES_76_172.txt), footnote markers removed, page break rejoined. */
export const units: UnitView[] = [
  {
    id: 'A/RES/76/172:OP5(a)',
    label: 'A/RES/76/172, para. 5 (a)',
    kind: 'operative',
    text:
      '(a) Calls upon all States to respect the human rights and inherent dignity of migrants, to put an end to arbitrary arrest and detention and, bearing in mind the New York Declaration for Refugees and Migrants, to review policies that deny migrants the full enjoyment of their human rights and fundamental freedoms, to pursue alternatives to detention while assessments of migration status are under way and to take into account measures that have been successfully implemented by some States;',
    footnotes: [],
    url: 'https://undocs.org/en/A/RES/76/172',
  },
  {
    id: 'A/RES/76/172:OP5(b)',
    label: 'A/RES/76/172, para. 5 (b)',
    kind: 'operative',
    text:
      '(b) Encourages States to put in place, if they have not yet done so, appropriate systems and procedures in order to ensure that the best interests of the child are a primary consideration in all actions or decisions concerning migrant children, regardless of their migration status, and to work towards ending the detention of migrant children;',
    footnotes: [],
    url: 'https://undocs.org/en/A/RES/76/172',
  },
  {
    id: 'A/RES/76/172:OP5(m)',
    label: 'A/RES/76/172, para. 5 (m)',
    kind: 'operative',
    text:
      '(m) Invites Member States to consider ratifying relevant conventions of the International Labour Organization, including the Domestic Workers Convention, 2011 (No. 189), on decent work for domestic workers;',
    footnotes: [{ id: 'A/RES/76/172:FN31', label: 'A/RES/76/172, footnote 31', text: 'United Nations, Treaty Series, vol. 2955, No. 51379.' }],
    url: 'https://undocs.org/en/A/RES/76/172',
  },
];

export const detentionAnswer: ScriptedAnswer = {
  sources: [
    { id: 'A/RES/76/172:OP5(a)', label: 'A/RES/76/172, para. 5 (a)', score: 0.91 },
    { id: 'A/RES/76/172:OP5(b)', label: 'A/RES/76/172, para. 5 (b)', score: 0.84 },
    { id: 'A/RES/74/148:OP4(a)', label: 'A/RES/74/148, para. 4 (a)', score: 0.71 },
  ],
  deltas: [
    'The General Assembly calls upon all States to put an end to arbitrary arrest and detention ',
    'and to pursue alternatives to detention while assessments of migration status are under way ',
    '[A/RES/76/172, para. 5 (a)]. ',
    'It also encourages States to work towards ending the detention of migrant children ',
    '[A/RES/76/172, para. 5 (b)].',
  ],
  citations: [
    {
      id: 'A/RES/76/172:OP5(a)',
      label: 'A/RES/76/172, para. 5 (a)',
      quote: 'to put an end to arbitrary arrest and detention … to pursue alternatives to detention while assessments of migration status are under way',
      url: 'https://undocs.org/en/A/RES/76/172',
    },
    {
      id: 'A/RES/76/172:OP5(b)',
      label: 'A/RES/76/172, para. 5 (b)',
      quote: 'to work towards ending the detention of migrant children',
      url: 'https://undocs.org/en/A/RES/76/172',
    },
  ],
};

export const domesticWorkersAnswer: ScriptedAnswer = {
  sources: [{ id: 'A/RES/76/172:OP5(m)', label: 'A/RES/76/172, para. 5 (m)', score: 0.88 }],
  deltas: ['Member States are invited to consider ratifying the Domestic Workers Convention, 2011 (No. 189) ', '[A/RES/76/172, para. 5 (m)].'],
  citations: [
    {
      id: 'A/RES/76/172:OP5(m)',
      label: 'A/RES/76/172, para. 5 (m)',
      quote: 'consider ratifying relevant conventions of the International Labour Organization, including the Domestic Workers Convention, 2011 (No. 189)',
      url: 'https://undocs.org/en/A/RES/76/172',
    },
  ],
};

export function lastQuestion(request: AnswerRequest): string {
  return request.messages[request.messages.length - 1]?.content ?? '';
}

/** Picks the scripted answer by topic; the browser tests check rendering, not answer quality. */
export function realisticAnswer(request: AnswerRequest): ScriptedAnswer {
  return /domestic/i.test(lastQuestion(request)) ? domesticWorkersAnswer : detentionAnswer;
}

/** Markup that would run script if any of it were ever parsed as HTML. */
export const hostileMarkup = {
  image: '<img src=x onerror="window.__verbatimPwned = (window.__verbatimPwned || 0) + 1">',
  script: '<script>window.__verbatimPwned = (window.__verbatimPwned || 0) + 1</script>',
  svg: '<svg onload="window.__verbatimPwned = 1"></svg>',
};

const hostileLabel = `A/RES/76/172, para. 9 ${hostileMarkup.image}`;

export const hostileUnits: UnitView[] = [
  {
    id: 'A/RES/76/172:OP9',
    label: hostileLabel,
    kind: 'operative',
    text: `9. Decides ${hostileMarkup.script} to remain seized ${hostileMarkup.image} of the matter;`,
    footnotes: [{ id: 'A/RES/76/172:FN1', label: `footnote ${hostileMarkup.svg}`, text: hostileMarkup.image }],
    url: 'javascript:window.__verbatimPwned=1',
  },
];

export const hostileAnswer: ScriptedAnswer = {
  sources: [{ id: 'A/RES/76/172:OP9', label: hostileLabel, score: 0.5 }],
  deltas: ['The answer says ', hostileMarkup.image, ' and ', hostileMarkup.script, ` [${hostileLabel}].`],
  citations: [{ id: 'A/RES/76/172:OP9', label: hostileLabel, quote: `remain seized ${hostileMarkup.image}`, url: 'javascript:window.__verbatimPwned=1' }],
};

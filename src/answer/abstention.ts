import type { UnanswerableKind } from '../retrieval/query-analysis.js';
import type { AnswerDraft } from './answer-draft.js';

const explanations: Record<UnanswerableKind, string> = {
  vote: 'The resolutions do not record a vote: they give no vote count and do not say how any State voted.',
  sponsor: 'The resolutions do not say who sponsored, drafted or introduced them.',
  person: 'The resolutions do not name any person; they refer to office holders only by their title.',
  'legal-advice': 'The resolutions do not advise on individual cases: they address States, and say nothing about how a particular claim, appeal or lawsuit would fare.',
  statistic: 'The resolutions do not give that figure: they set out commitments and requests, not statistics.',
};

export function abstentionFor(kind: UnanswerableKind): string {
  return explanations[kind];
}

/** An honest "the documents do not say", offering the closest paragraphs as sources, not as citations. */
export function abstain(explanation: string, related: string[]): AnswerDraft {
  return { sentences: [{ text: explanation, unitIds: [] }], abstained: true, quotes: new Map(), related };
}

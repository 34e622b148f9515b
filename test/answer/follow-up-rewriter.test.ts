import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/answer/answer-types.js';
import { createLlmFollowUpRewriter, rewriteFollowUpByRules } from '../../src/answer/follow-up-rewriter.js';
import type { ChatModel } from '../../src/answer/chat-model.js';

const conversation = (...turns: string[]): ChatMessage[] =>
  turns.map((content, position) => ({ role: position % 2 === 0 ? 'user' : 'assistant', content }));

describe('rewriteFollowUpByRules', () => {
  it('should leave a first question alone', () => {
    expect(rewriteFollowUpByRules(conversation('Can migrants be detained?'))).toEqual({ query: 'Can migrants be detained?', rewritten: false });
  });

  it('should carry the question over to another version: "and in the 2019 one?"', () => {
    const result = rewriteFollowUpByRules(
      conversation('What does 76/172 say about remittances?', 'Paragraph 5 (n) …', 'and in the 2019 one?'),
    );
    expect(result.rewritten).toBe(true);
    expect(result.query).toBe('What does the 2019 resolution say about remittances?');
  });

  it('should add a new topic to the previous question: "what about children?"', () => {
    const result = rewriteFollowUpByRules(conversation('Can migrants be detained?', 'Paragraph 5 (a) …', 'What about children?'));
    expect(result.query).toContain('detained');
    expect(result.query).toContain('children');
  });

  it('should take what "that deadline" means from the last answer, without its citations', () => {
    const result = rewriteFollowUpByRules(
      conversation(
        'What does the resolution say about detention of children?',
        'It urges States to review detention policies and end child detention by 2030 (A/RES/76/172, para. 5 (b)).',
        'Is that deadline in the older one too?',
      ),
    );
    expect(result.query).toContain('review detention policies child detention');
    expect(result.query).not.toContain('A/RES/76/172');
  });

  it('should answer "which paragraph was that?" with the previous question', () => {
    const result = rewriteFollowUpByRules(conversation('Can migrants be detained?', 'Yes …', 'Which paragraph was that?'));
    expect(result.query).toBe('Can migrants be detained?');
  });

  it('should resolve "its sub-paragraph (k)" against the paragraph asked about before', () => {
    const result = rewriteFollowUpByRules(conversation('What does paragraph 6 of 76/172 emphasize?', 'Paragraph 6 …', 'What does its sub-paragraph (k) say?'));
    expect(result.query).toContain('paragraph 6 (k)');
    expect(result.query).toContain('76/172');
  });

  it('should replace the subject of "and for X?"', () => {
    const result = rewriteFollowUpByRules(
      conversation('Which Treaty Series volume does 76/172 cite for the Convention against Torture?', 'Footnote 8 …', 'And for the Convention on the Rights of the Child?'),
    );
    expect(result.query).toBe('Which Treaty Series volume does 76/172 cite for the Convention on the Rights of the Child?');
  });

  it('should point "its predecessor" at the older resolution', () => {
    const result = rewriteFollowUpByRules(conversation('When was 76/172 adopted?', 'On 16 December 2021.', 'And its predecessor?'));
    expect(result.query).toBe('When was the older resolution adopted?');
  });

  it('should ask the previous question of another version when the follow-up asks "does it say the same?"', () => {
    const result = rewriteFollowUpByRules(
      conversation('Does the 2021 resolution say anything about remittances?', 'Yes …', 'And the 2019 one, does it say the same?'),
    );
    expect(result.query).toBe('Does the 2019 resolution say anything about remittances?');
  });

  it('should put the previous subject in place of "it" after a preposition', () => {
    const result = rewriteFollowUpByRules(conversation('What is the Global Forum on Migration and Development?', 'It is …', 'Who chaired it in 2019?'));
    expect(result.query).toContain('Global Forum on Migration and Development');
    const inIt = rewriteFollowUpByRules(conversation('What is the International Migration Review Forum?', 'It is …', 'Who may take part in it?'));
    expect(inIt.query).toBe('Who may take part in the International Migration Review Forum?');
  });

  it('should keep a standalone question that merely names a year', () => {
    const result = rewriteFollowUpByRules(conversation('What does 76/172 say about remittances?', '…', 'What was the actual average cost of remittances in 2021?'));
    expect(result.rewritten).toBe(false);
  });
});

describe('createLlmFollowUpRewriter', () => {
  const model = (reply: string | Error): ChatModel => ({
    name: 'scripted',
    async *stream() {
      if (reply instanceof Error) throw reply;
      yield reply;
    },
  });

  it('should use the model for follow-ups and keep its one-line rewrite', async () => {
    const rewriter = createLlmFollowUpRewriter(model('Can migrant children be detained?\nextra'), 'system');
    const result = await rewriter.rewrite(conversation('Can migrants be detained?', '…', 'And kids?'));
    expect(result).toEqual({ query: 'Can migrant children be detained?', rewritten: true });
  });

  it('should fall back to the rules when the model fails', async () => {
    const rewriter = createLlmFollowUpRewriter(model(new Error('down')), 'system');
    const result = await rewriter.rewrite(conversation('Can migrants be detained?', '…', 'Which paragraph was that?'));
    expect(result.query).toBe('Can migrants be detained?');
  });
});

import { describe, expect, it } from 'vitest';
import { answerComparison } from '../../src/compare/comparison-answer.js';
import { createCorpusStore } from '../../src/corpus/corpus-store.js';
import { bundledMigrantsResolutions } from './bundled-corpus.js';
import { syntheticDocument } from './synthetic-document.js';

const title = 'Water for all';
const v2015 = syntheticDocument('A/RES/70/1', { date: '2015-12-01', title }, [
  { unit: 'HEADER', text: 'Seventieth session. Water for all' },
  { unit: 'PP1', text: 'Recalling its resolution on water, sanitation and hygiene for all peoples,' },
  { unit: 'PP2', text: 'Noting with concern the spread of drought in arid regions and its effect on harvests,' },
  { unit: 'PP3', text: 'Bearing in mind that desalination plants consume large amounts of energy,' },
  { unit: 'OP1', text: 'Calls upon States to ensure access to safe drinking water for rural communities;' },
  { unit: 'OP2', text: 'Encourages States to protect groundwater from pollution by industrial waste;' },
  { unit: 'OP3', text: 'Requests the Secretary-General to report on implementation at its next session;' },
]);
const v2017 = syntheticDocument('A/RES/72/9', { date: '2017-12-01', title }, [
  { unit: 'HEADER', text: 'Seventy-second session. Water for all' },
  { unit: 'PP1', text: 'Recalling its resolution on water, sanitation and hygiene for all peoples,' },
  { unit: 'PP2', text: 'Noting with concern the spread of drought in arid regions and its effect on harvests,' },
  { unit: 'PP3', text: 'Deeply concerned at the impact of the cholera pandemic on communities without clean water,' },
  {
    unit: 'OP1',
    text: 'Calls upon States to ensure access to safe drinking water for rural communities, including during the cholera pandemic, and for displaced persons;',
  },
  { unit: 'OP2', text: 'Encourages States to protect groundwater from pollution by industrial waste;' },
  { unit: 'OP3', text: 'Requests the Secretary-General to report on implementation at its seventy-fourth session;' },
]);
const unrelated = syntheticDocument('A/RES/72/50', { date: '2017-12-05', title: 'Oceans and the law of the sea' }, [
  { unit: 'PP1', text: 'Recalling the United Nations Convention on the Law of the Sea,' },
]);
const corpus = createCorpusStore([v2017, unrelated, v2015]);

function cited(answer: ReturnType<typeof answerComparison>): string[] {
  return answer ? answer.sentences.flatMap((sentence) => sentence.unitIds) : [];
}

describe('answerComparison', () => {
  it('should return null when the question is not about change between versions', () => {
    expect(answerComparison('What does the resolution say about groundwater?', corpus)).toBeNull();
  });

  it('should summarise the changes with counts and the main changed words, citing both versions', () => {
    const answer = answerComparison('What changed between the 2015 and 2017 resolutions?', corpus)!;
    expect(answer.abstained).toBe(false);
    expect(answer.sentences[0]!.text).toContain('3 unchanged, 2 changed, 1 added, 1 removed');
    expect(answer.sentences[0]!.unitIds).toEqual(['A/RES/70/1:HEADER', 'A/RES/72/9:HEADER']);
    const text = answer.sentences.map((sentence) => sentence.text).join(' ');
    expect(text).toContain('"including during the cholera pandemic, and for displaced persons"');
    expect(text).toContain('replaces "next" with "seventy-fourth"');
    expect(text).toContain('A/RES/70/1, PP3 was dropped');
    expect(cited(answer)).toEqual(expect.arrayContaining(['A/RES/70/1:OP1', 'A/RES/72/9:OP1', 'A/RES/72/9:PP3', 'A/RES/70/1:PP3']));
    for (const sentence of answer.sentences) expect(sentence.unitIds.length).toBeGreaterThan(0);
  });

  it('should compare the two versions when the question names none', () => {
    const answer = answerComparison('Is the paragraph on groundwater pollution the same in both?', corpus)!;
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sentences[0]!.text).toContain('is unchanged');
    expect(answer.sentences[0]!.unitIds).toEqual(['A/RES/70/1:OP2', 'A/RES/72/9:OP2']);
  });

  it('should say the latest version is meant when a longer series is not narrowed down', () => {
    const v2013 = syntheticDocument('A/RES/68/5', { date: '2013-12-01', title }, [
      { unit: 'HEADER', text: 'Sixty-eighth session. Water for all' },
      { unit: 'OP1', text: 'Encourages States to protect groundwater from pollution;' },
    ]);
    const answer = answerComparison('Is the paragraph on groundwater pollution still the same?', createCorpusStore([v2013, v2015, v2017]))!;
    expect(answer.sentences[0]).toEqual({
      text: '"Water for all" has 3 versions in the corpus; this compares the latest, A/RES/72/9 (2017), with the one before it, A/RES/70/1 (2015).',
      unitIds: ['A/RES/70/1:HEADER', 'A/RES/72/9:HEADER'],
    });
    expect(answer.sentences[1]!.unitIds).toEqual(['A/RES/70/1:OP2', 'A/RES/72/9:OP2']);
  });

  it('should report what is new on a topic, in new paragraphs and in words added to old ones', () => {
    const answer = answerComparison('What is new about cholera in 2017?', corpus)!;
    expect(cited(answer).sort()).toEqual(['A/RES/70/1:OP1', 'A/RES/72/9:OP1', 'A/RES/72/9:PP3'].sort());
    expect(answer.sentences.map((sentence) => sentence.text).join(' ')).toContain('adds "including during the cholera pandemic');
  });

  it('should say so when nothing was added on the topic, citing the paragraph that holds it', () => {
    const answer = answerComparison('Did the 2017 text add anything on groundwater?', corpus)!;
    expect(answer.abstained).toBe(false);
    expect(answer.sentences.at(-1)!.text).toBe('A/RES/72/9 (2017) adds nothing on groundwater to A/RES/70/1 (2015).');
    expect(answer.sentences.at(-1)!.unitIds).toEqual(['A/RES/70/1:OP2', 'A/RES/72/9:OP2']);
  });

  it('should list what was dropped', () => {
    const answer = answerComparison('What was dropped in 2017?', corpus)!;
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sentences[0]!.unitIds).toEqual(['A/RES/70/1:PP3']);
    expect(answer.sentences[0]!.text).toContain('desalination plants consume large amounts of energy');
  });

  it('should abstain rather than answer about another series when the named resolution has no versions', () => {
    const answer = answerComparison('What changed in resolution 242 since the previous text?', corpus)!;
    expect(answer.abstained).toBe(true);
    expect(cited(answer)).toEqual([]);
  });

  it('should leave alone a question naming two documents by number and year that are not versions of one text', () => {
    expect(answerComparison('What did resolutions 2334 (2015) and 2254 (2017) decide on water?', corpus)).toBeNull();
    expect(answerComparison('What do the 2015 and 2017 resolutions say about groundwater?', corpus)).not.toBeNull();
  });

  it('should abstain when the named resolution has no other version', () => {
    const answer = answerComparison('What changed in the 2017 law of the sea resolution compared with 2005?', createCorpusStore([unrelated]))!;
    expect(answer.abstained).toBe(true);
  });
});

describe('answerComparison on the bundled "Protection of migrants" resolutions', () => {
  const { corpus } = bundledMigrantsResolutions();
  const symbolsCited = (answer: ReturnType<typeof answerComparison>) => new Set(cited(answer).map((id) => id.split(':')[0]));

  it('should summarise the changes between 2019 and 2021, quoting the new words of para. 1 and citing both versions', () => {
    const answer = answerComparison('What changed between the 2019 and 2021 resolutions?', corpus)!;
    const text = answer.sentences.map((sentence) => sentence.text).join(' ');
    expect(answer.sentences[0]!.text).toMatch(/^Between A\/RES\/74\/148 \(2019\) and A\/RES\/76\/172 \(2021\), .*\d+ unchanged, \d+ changed, \d+ added, \d+ removed/);
    expect(text).toContain('A/RES/76/172, para. 1 replaces "avoiding" with "ensuring that their legislation and migration policies and practices are consistent with');
    expect(answer.sentences.find((sentence) => sentence.text.startsWith('A/RES/76/172, para. 1 '))!.unitIds).toEqual([
      'A/RES/74/148:OP1',
      'A/RES/76/172:OP1',
    ]);
    expect(cited(answer)).toEqual(expect.arrayContaining(['A/RES/76/172:PP5', 'A/RES/74/148:PP24']));
    expect(symbolsCited(answer)).toEqual(new Set(['A/RES/74/148', 'A/RES/76/172']));
  });

  it('should give each cited unit a verbatim quote, the added words for a changed paragraph', () => {
    const answer = answerComparison('What changed between the 2019 and 2021 resolutions?', corpus)!;
    expect(answer.quotes['A/RES/76/172:OP1']).toMatch(/^ensuring that their legislation and migration policies/);
    for (const [id, quote] of Object.entries(answer.quotes)) {
      expect(corpus.getUnit(id)!.text.replace(/\s+/g, ' ')).toContain(quote);
    }
  });

  it('should say the paragraph on enforcing labour law is the same in both, citing both', () => {
    const answer = answerComparison('Is the paragraph on enforcing labour law the same in both?', corpus)!;
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sentences[0]).toMatchObject({ unitIds: ['A/RES/74/148:OP5(l)', 'A/RES/76/172:OP5(l)'] });
    expect(answer.sentences[0]!.text).toContain('A/RES/76/172, para. 5 (l) (as in A/RES/74/148, para. 5 (l)) is unchanged');
  });

  it('should list what is new about COVID-19 in 2021, new paragraphs and added words', () => {
    const answer = answerComparison('What is new about COVID-19 in 2021?', corpus)!;
    expect(cited(answer)).toEqual(
      expect.arrayContaining(['A/RES/76/172:PP16', 'A/RES/76/172:PP18', 'A/RES/76/172:OP6(e)', 'A/RES/76/172:OP6(f)', 'A/RES/74/148:OP6(d)', 'A/RES/76/172:OP6(d)']),
    );
    expect(answer.sentences.map((sentence) => sentence.text).join(' ')).toContain('para. 6 (d) adds "including in the context of COVID-19"');
    for (const id of cited(answer)) expect(corpus.getUnit(id)).toBeDefined();
  });

  it('should find the words on collective expulsion added in 2021', () => {
    const answer = answerComparison('Did the 2021 text add anything on collective expulsion?', corpus)!;
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sentences[0]!.unitIds).toEqual(['A/RES/74/148:PP20', 'A/RES/76/172:PP25']);
    expect(answer.sentences[0]!.text).toContain('uphold the prohibition of collective expulsion');
  });

  it('should answer about a paragraph named by its number in the newer text', () => {
    const answer = answerComparison('Is paragraph 8 of the 2021 text the same as in 2019?', corpus)!;
    expect(answer.sentences).toEqual([
      { text: 'A/RES/74/148, para. 6 (m) moved to A/RES/76/172, para. 8, its wording unchanged.', unitIds: ['A/RES/74/148:OP6(m)', 'A/RES/76/172:OP8'] },
    ]);
  });

  it('should list the paragraphs dropped in 2021', () => {
    const answer = answerComparison('What was dropped in 2021?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:PP19', 'A/RES/74/148:PP24', 'A/RES/74/148:OP14']);
  });

  it('should cite only the added preambular paragraph that carries the topic, not every paragraph naming human rights', () => {
    const answer = answerComparison('Which paragraph of the preamble was added in 2021 on migrants as human rights holders?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/76/172:PP5']);
  });

  it('should keep to the paragraph asked about instead of every changed paragraph sharing a word', () => {
    const answer = answerComparison('What changed in the paragraph on safeguards at international borders since 2019?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:OP6(d)', 'A/RES/76/172:OP6(d)']);
    expect(answer.sentences[0]!.text).toContain('adds "including in the context of COVID-19"');
  });

  it('should read a paragraph number tied to the older symbol in the older text and follow the alignment', () => {
    const answer = answerComparison('Paragraph 6 (m) of 74/148 calls for implementing the Protocols. Which paragraph of 76/172 holds it now?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:OP6(m)', 'A/RES/76/172:OP8']);
    expect(answer.sentences[0]!.text).toContain('moved to A/RES/76/172, para. 8');
  });

  it('should say a paragraph was not kept, citing the older text that had it', () => {
    const answer = answerComparison('Was the paragraph on the Declaration of the High-level Dialogue retained in 2021?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:OP14']);
    expect(answer.sentences[0]!.text).toContain('was dropped from A/RES/76/172');
  });

  it('should compare the paragraph on the topic when a question is put to both versions', () => {
    const answer = answerComparison('Does policy coherence on migration reach the local level in both versions?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:OP10(c)', 'A/RES/76/172:OP11(c)']);
    expect(answer.sentences[0]!.text).toContain('adds "local"');
  });

  it('should treat two named versions as a comparison even without a word about change', () => {
    const answer = answerComparison('At which session do 74/148 and 76/172 invite the Chair of the Committee on Migrant Workers to report?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:OP16', 'A/RES/76/172:OP17']);
    expect(answerComparison('What does the 2021 resolution say about the 2030 Agenda for Sustainable Development?', corpus)).toBeNull();
  });

  it('should find the paragraph by its rarest topic word when a vaguer word is also asked', () => {
    const answer = answerComparison('Was the target on remittances the same in the 2019 resolution?', corpus)!;
    expect(cited(answer)).toEqual(['A/RES/74/148:OP5(n)', 'A/RES/76/172:OP5(n)']);
  });

  it('should abstain when neither version has a paragraph on the topic', () => {
    const answer = answerComparison('Is the paragraph on cryptocurrency the same in both versions?', corpus)!;
    expect(answer.abstained).toBe(true);
    expect(cited(answer)).toEqual([]);
  });

  it('should not read "still" in a question about what the text says as a comparison', () => {
    expect(answerComparison('Do migrants without papers still have human rights?', corpus)).toBeNull();
  });

  it('should answer whether a text still mentions something with a paragraph kept in both versions', () => {
    const answer = answerComparison('Does the resolution still mention the Global Compact for Migration?', corpus)!;
    const [pair] = answer.sentences;
    expect(pair!.unitIds.map((id) => id.split(':')[0]).sort()).toEqual(['A/RES/74/148', 'A/RES/76/172']);
  });

  it('should find a paraphrased topic through the formal terms query expansion found for it', () => {
    const question = 'Was the wording on jailing kids changed between 2019 and 2021?';
    const expansion = [
      { from: 'kids', term: 'children' },
      { from: 'jailing', term: 'detention' },
    ];
    // Neither version says "jailing" or "kids".
    expect(answerComparison(question, corpus)!.abstained).toBe(true);
    const expanded = answerComparison(question, corpus, { expansion })!;
    expect(expanded.abstained).toBe(false);
    expect(cited(expanded)).toEqual(expect.arrayContaining(['A/RES/74/148:OP5(b)', 'A/RES/76/172:OP5(b)']));
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/answer-types.js';
import { createAnswerService } from '../../src/answer/create-answer-service.js';
import { loadConfig } from '../../src/config.js';
import type { SearchIndex } from '../../src/retrieval/search-index.js';
import { numbersIn } from '../../src/retrieval/text-terms.js';
import { countsAskedThing } from '../../src/answer/asked-value.js';
import { createFakeEmbedder } from '../support/fake-embedder.js';
import { createInMemorySearchIndex } from '../support/in-memory-search-index.js';
import { bundledDocuments, withoutReferences } from './bundled-corpus.js';

let index: SearchIndex;
let service: AnswerService;
const ask = (question: string) => service.answer({ messages: [{ role: 'user', content: question }] });

beforeAll(async () => {
  const embedder = createFakeEmbedder();
  index = await createInMemorySearchIndex(await bundledDocuments(), embedder);
  service = createAnswerService({ index, embedder, config: loadConfig({}), createId: () => 'answer-1' });
});

describe('composeExtractiveAnswer (through the answer service, on the bundled corpus)', () => {
  const questions = [
    'Can migrants be held while their papers are checked?',
    'What target does the resolution set for the cost of sending remittances?',
    'Can kids be locked up in immigration detention?',
    'Which ILO convention on domestic workers are Member States invited to ratify?',
    'What does the resolution say about search and rescue?',
  ];

  it('should cite only existing units that were among the sources, each with the official URL', async () => {
    for (const question of questions) {
      const answer = await ask(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.citations.length, question).toBeGreaterThan(0);
      const sourceIds = answer.sources.map((source) => source.id);
      for (const citation of answer.citations) {
        const unit = index.corpus.getUnit(citation.id);
        expect(unit, citation.id).toBeDefined();
        expect(sourceIds).toContain(citation.id);
        expect(citation.label).toBe(unit!.label);
        expect(citation.url).toBe(index.corpus.documentOf(citation.id)!.url);
      }
    }
  });

  it('should state only numbers that appear in a cited unit', async () => {
    for (const question of questions) {
      const answer = await ask(question);
      const cited = answer.citations.map((citation) => {
        const unit = index.corpus.getUnit(citation.id)!;
        return `${unit.leadIn ?? ''} ${unit.text}`;
      });
      const citedNumbers = new Set(numbersIn(cited.join(' ')));
      for (const number of numbersIn(withoutReferences(answer.answer))) expect(citedNumbers.has(number), `${number} in "${answer.answer}"`).toBe(true);
    }
  });

  it('should quote the paragraph that answers and name the latest resolution when both say the same', async () => {
    const answer = await ask('Can migrants be held while their papers are checked?');
    expect(answer.citations.map((citation) => citation.id)).toContain('A/RES/76/172:OP5(a)');
    expect(answer.citations.map((citation) => citation.id)).not.toContain('A/RES/74/148:OP5(a)');
    expect(answer.answer).toContain('alternatives to detention while assessments of migration status are under way');
    expect(answer.answer).toContain('A/RES/76/172 (2021), the latest resolution');
    expect(answer.answer).toContain('The same text appears in A/RES/74/148');
  });

  it('should resolve a named paragraph straight to its unit, in the latest version when none is named', async () => {
    expect((await ask('What does 6 (c) of 76/172 say?')).citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:OP6(c)']);
    expect((await ask('What is the fourth preambular paragraph of 74/148?')).citations.map((citation) => citation.id)).toEqual(['A/RES/74/148:PP4']);
    const assumed = await ask('What does paragraph 19 of the resolution say?');
    expect(assumed.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:OP19']);
    expect(assumed.answer).toContain('latest resolution');
  });

  it('should answer metadata questions from the header and footer', async () => {
    const date = await ask('When was resolution 76/172 adopted?');
    expect(date.answer).toContain('16 December 2021');
    expect(date.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:FOOTER']);
    const meeting = await ask('At which plenary meeting and on what date was 74/148 adopted?');
    expect(meeting.answer).toContain('50th plenary meeting');
    const agenda = await ask('Under which agenda item was 74/148 adopted?');
    expect(agenda.citations.map((citation) => citation.id)).toEqual(['A/RES/74/148:HEADER']);
  });

  it('should list every paragraph that mentions a topic', async () => {
    const answer = await ask('Which paragraphs of 76/172 mention trafficking in persons?');
    const cited = answer.citations.map((citation) => citation.id);
    for (const id of ['PP6', 'PP28', 'OP4(d)', 'OP8', 'OP9', 'OP10', 'OP11(d)']) expect(cited).toContain(`A/RES/76/172:${id}`);
    expect(cited.every((id) => id.startsWith('A/RES/76/172:'))).toBe(true);
  });

  it('should follow footnote references to the footnote unit and cite it', async () => {
    const answer = await ask('Which Treaty Series volume is cited for the Convention on the Rights of the Child?');
    expect(answer.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:FN11']);
    expect(answer.answer).toContain('vol. 1577, No. 27531');
    expect(answer.answer).toContain('Treaty Series');
  });

  it('should abstain, without citations, on what the documents do not contain', async () => {
    for (const question of [
      'How many countries voted in favour?',
      "Who is the Special Rapporteur's name?",
      'Which Member States sponsored resolution 74/148?',
      'What does the resolution say about the Rohingya crisis?',
      'What does operative paragraph 30 of 76/172 say?',
      'What does resolution 72/179 of 2017 say in its paragraph 3?',
      'How many refugees does each country have to accept under the resolution?',
    ]) {
      const answer = await ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.citations, question).toEqual([]);
      expect(answer.answer, question).toMatch(/do(?:es)? not|has no|no /i);
      expect(answer.sources.length, question).toBeGreaterThan(0);
    }
  });
});

describe('unknown words and absent documents', () => {
  it('should answer when the best paragraph covers the question and the unknown word is only a side detail', async () => {
    const answer = await ask('In which city was the intergovernmental conference that adopted the Global Compact held?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('Marrakech');
  });

  it('should answer through a WordNet relative of a word the documents never use', async () => {
    const answer = await ask('Do migrants have the right to return to the country they are citizens of?');
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((citation) => citation.id)).toContain('A/RES/76/172:OP5(f)');
  });

  it('should abstain when the unknown word is the topic itself', async () => {
    for (const question of ['What is the capital of Morocco?', 'What does 76/172 say about the Rohingya crisis?', 'Does the resolution regulate artificial intelligence at borders?']) {
      const answer = await ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.citations, question).toEqual([]);
    }
  });

  it('should abstain when the question asks for a kind of thing the best paragraph does not name', async () => {
    const answer = await ask('In which city will the next International Migration Review Forum be held?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('city');
  });

  it('should abstain on a name or a new term neither the corpus nor WordNet relates to the documents', async () => {
    for (const question of ['What does the resolution say about climate refugees from Tuvalu?', 'What does the resolution say about cryptocurrency remittances?']) {
      const answer = await ask(question);
      expect(answer.abstained, question).toBe(true);
    }
  });

  it('should not take a day of the month or a document number for the figure asked for', async () => {
    const answer = await ask('How many refugees does each country have to accept under the resolution?');
    expect(answer.abstained).toBe(true);
  });

  it('should abstain on what another resolution says even though the corpus cites it', async () => {
    const answer = await ask('What did resolution 72/179 say about immigration detention?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('72/179');
  });
});

describe('countsAskedThing', () => {
  it('should accept a figure only when it counts what the question asks to count', () => {
    expect(countsAskedThing('How many weeks may a child be detained?', 'for no longer than four weeks in any case')).toBe(true);
    expect(countsAskedThing('How many weeks may a child be detained?', 'the number of migrants has reached 281 million')).toBe(false);
    expect(countsAskedThing('What is the maximum number of days of detention?', 'held on 19 September, at two meetings')).toBe(false);
  });

  it('should take a vague quantity as the figure and leave questions without a counted thing alone', () => {
    expect(countsAskedThing('How many workers are women?', 'almost half of all migrant workers are women')).toBe(true);
    expect(countsAskedThing('How long may a claim take?', 'a decision within six months')).toBe(true);
    expect(countsAskedThing('What share of remittances is lost to fees?', 'less than 3 per cent')).toBe(true);
  });
});

describe('composeExtractiveAnswer abstention on positive evidence', () => {
  it('should abstain from advising on one person\'s own case', async () => {
    for (const question of ['My visa was refused in Italy. Can I use this resolution in court to appeal?', 'My landlord took my documents. Can I sue him, and will I win?']) {
      const answer = await ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.citations).toEqual([]);
    }
  });

  it('should abstain when a maximum number is asked and no retrieved paragraph counts that thing', async () => {
    const answer = await ask('What is the maximum number of weeks a migrant child may spend in a shelter under the resolution?');
    expect(answer.abstained).toBe(true);
  });
});

describe('composeExtractiveAnswer on plain-language questions', () => {
  it('should abstain on a numbered part of another instrument that no paragraph names', async () => {
    const answer = await ask('What does objective 7 of the Global Compact commit States to?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('objective 7');
  });

  it('should answer on a numbered part a paragraph does name', async () => {
    const answer = await ask('What does the resolution say about target 10.7?');
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((citation) => citation.id)).toContain('A/RES/76/172:OP11(b)');
  });

  it('should list every paragraph using the formal term for a list topic phrased in plain words', async () => {
    // No paragraph says "travelling without their parents"; "unaccompanied" and "separated" do.
    const answer = await ask('Which provisions of 76/172 cover youngsters travelling without their parents?');
    expect(answer.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:PP25', 'A/RES/76/172:OP6(k)', 'A/RES/76/172:OP6(n)']);
  });

  it('should match a formal phrase standing in for a list topic whole, never by one of its words', async () => {
    const answer = await ask('List every paragraph of 76/172 about the ILO.');
    expect(answer.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:OP5(m)']);
  });

  it('should not let the number in a stand-in ("COVID-19") match dates', async () => {
    const answer = await ask('Which paragraphs of 76/172 mention the coronavirus?');
    const cited = answer.citations.map((citation) => citation.id);
    expect(cited).toEqual(expect.arrayContaining(['A/RES/76/172:PP16', 'A/RES/76/172:OP6(d)', 'A/RES/76/172:OP6(e)']));
    // Preambular paragraph 7 only holds the date "19 September 2016".
    expect(cited).not.toContain('A/RES/76/172:PP7');
  });

  it('should follow a footnote for a subject named in plain words', async () => {
    const answer = await ask('Which footnote gives the Treaty Series reference for the ILO treaty on household workers?');
    expect(answer.citations.map((citation) => citation.id)).toEqual(['A/RES/76/172:FN31']);
  });

  it('should list only paragraphs of the part the question names', async () => {
    const answer = await ask('Which preambular paragraphs of 76/172 mention COVID-19?');
    const cited = answer.citations.map((citation) => citation.id);
    expect(cited).toEqual(expect.arrayContaining(['A/RES/76/172:PP16', 'A/RES/76/172:PP18']));
    expect(cited.every((id) => id.startsWith('A/RES/76/172:PP'))).toBe(true);
  });
});

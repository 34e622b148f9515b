import { readFile } from 'node:fs/promises';

/**
 * Plain-language questions about what Security Council resolutions deal with: the query workload of the
 * scale benchmarks, whose corpora are made of Security Council sentences. They carry no expected
 * answers; they only exercise the search paths with realistic wording and length.
 */
export const SCALE_QUERIES = [
  'What does the Council decide about the arms embargo?',
  'Which resolutions call for a ceasefire?',
  'Who is asked to report to the Council on the implementation?',
  'What is said about the protection of civilians in armed conflict?',
  'How long is the mandate of the peacekeeping mission extended?',
  'What measures are imposed on the export of diamonds?',
  'Does the Council condemn terrorist attacks?',
  'What does it say about refugees and displaced persons returning home?',
  'Which states are called upon to cooperate with the tribunal?',
  'What about humanitarian access for relief organisations?',
  'Is there a travel ban on individuals designated by the committee?',
  'What does the resolution say about sexual violence against women and children?',
  'Which panel of experts is established to monitor sanctions?',
  'What does the Council demand of the parties to the conflict?',
  'Are member states asked to freeze funds and financial assets?',
  'What is the role of the Secretary-General in the mediation?',
  'What does it say about the withdrawal of foreign forces?',
  'How are elections to be organised and observed?',
  'Which resolution admits a new member to the United Nations?',
  'What about the non-proliferation of nuclear weapons?',
  'Does the Council express concern about the humanitarian situation?',
  'What is decided about the territorial integrity and sovereignty of the state?',
  'Who must ensure the safety of United Nations personnel?',
  'What does it say about child soldiers and the recruitment of children?',
  'What is requested about disarmament, demobilization and reintegration of combatants?',
  'What are the conditions for lifting the sanctions?',
  'What does the Council say about piracy and armed robbery at sea?',
  'Which resolution refers the situation to the International Criminal Court?',
  'What is said about the illicit trafficking of small arms and light weapons?',
  'How is the border between the two countries to be demarcated?',
  'Does the Council reaffirm its commitment to the independence of the country?',
  'What does the resolution say about human rights violations and impunity?',
  'Which authorization is given to use all necessary means?',
  'What does it say about the safe return of hostages and prisoners of war?',
  'What budget or financing arrangements are approved for the force?',
  'What does the Council urge regarding political dialogue and national reconciliation?',
  'What is said about chemical weapons and their destruction?',
  'Which committee is requested to update the sanctions list?',
  'What does it say about the rule of law and security sector reform?',
  'What does the Council decide to remain seized of?',
];

/** Questions of the public golden set when it exists (one JSON object per line with a `question`). */
export async function readGoldenQuestions(file = 'eval/golden.jsonl'): Promise<string[]> {
  try {
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    return lines
      .map((line) => (JSON.parse(line) as { question?: unknown }).question)
      .filter((question): question is string => typeof question === 'string');
  } catch {
    return [];
  }
}

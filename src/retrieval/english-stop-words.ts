/**
 * Function words dropped from the lexical index and queries: they match nearly every paragraph, so
 * they only add noise to BM25. Negations stay out of this list on purpose ("not", "no", "nor"), since a
 * paragraph that "does not" do something should still be findable by those words.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself of off on once only or other ought our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom why will with would ' +
    'you your yours yourself yourselves'
  ).split(' '),
);

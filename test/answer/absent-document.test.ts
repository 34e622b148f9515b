import { describe, expect, it } from 'vitest';
import { asksWhatItSays } from '../../src/answer/absent-document.js';

describe('asksWhatItSays', () => {
  it('should tell a question about a document\'s own text from one that names it as a topic', () => {
    expect(asksWhatItSays('What did resolution 72/179 of 2017 say about detention?', 'resolution 72/179')).toBe(true);
    expect(asksWhatItSays('According to resolution 72/179, must States end detention?', 'resolution 72/179')).toBe(true);
    expect(asksWhatItSays('Which paragraphs mention resolution 73/195?', 'resolution 73/195')).toBe(false);
    expect(asksWhatItSays('Does 76/172 recall resolution 73/195?', 'resolution 73/195')).toBe(false);
  });
});

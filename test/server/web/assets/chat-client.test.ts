import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Segment {
  kind: 'text' | 'citation';
  text?: string;
  citation?: { id: string; label: string };
}

interface ChatClient {
  createSseParser(onEvent: (name: string, data: string) => void): { push(chunk: string): void; end(): void };
  segmentAnswer(text: string, citations: { id: string; label: string }[]): Segment[];
  highlightQuote(text: string, quote: string): { text: string; marked: boolean }[];
  formatAnswerForCopy(text: string, citations: { label: string; quote: string; url: string }[]): string;
  safeUrl(url: string): string;
}

// The asset is a plain browser script; evaluate it in a function scope and pick out its pure helpers.
const source = readFileSync(new URL('../../../../src/server/web/assets/chat-client.js', import.meta.url), 'utf8');
const client = new Function(
  `${source}\nreturn { createSseParser, segmentAnswer, highlightQuote, formatAnswerForCopy, safeUrl };`,
)() as ChatClient;

const paragraphA = { id: 'A/RES/76/172:OP5(a)', label: 'A/RES/76/172, para. 5 (a)' };
const paragraphB = { id: 'A/RES/76/172:OP5(b)', label: 'A/RES/76/172, para. 5 (b)' };

describe('createSseParser', () => {
  it('should parse events split across arbitrary chunk boundaries and line endings', () => {
    const stream = 'event: sources\r\ndata: {"a":1}\r\n\r\n: keep-alive\n\nevent: text-delta\ndata: {"delta":"x"}\ndata: more\n\ndata: last';
    for (const size of [1, 2, 3, 7, stream.length]) {
      const events: [string, string][] = [];
      const parser = client.createSseParser((name, data) => events.push([name, data]));
      for (let index = 0; index < stream.length; index += size) parser.push(stream.slice(index, index + size));
      parser.end();
      expect(events).toEqual([
        ['sources', '{"a":1}'],
        ['text-delta', '{"delta":"x"}\nmore'],
        ['message', 'last'],
      ]);
    }
  });
});

describe('segmentAnswer', () => {
  it('should turn known bracketed labels into citation markers and keep other brackets as text', () => {
    const segments = client.segmentAnswer('Ends detention [A/RES/76/172, para. 5 (a)]; see [note] and [A/RES/76/172, para. 5 (a); A/RES/76/172, para. 5 (b)].', [paragraphA, paragraphB]);
    expect(segments).toEqual([
      { kind: 'text', text: 'Ends detention ' },
      { kind: 'citation', citation: paragraphA },
      { kind: 'text', text: '; see [note] and ' },
      { kind: 'citation', citation: paragraphA },
      { kind: 'citation', citation: paragraphB },
      { kind: 'text', text: '.' },
    ]);
  });

  it('should leave a bracket as text when one of its labels is not a citation', () => {
    expect(client.segmentAnswer('x [A/RES/76/172, para. 5 (a); A/RES/1, para. 1]', [paragraphA])).toEqual([
      { kind: 'text', text: 'x [A/RES/76/172, para. 5 (a); A/RES/1, para. 1]' },
    ]);
  });
});

describe('highlightQuote', () => {
  const text = '(a) Calls upon all States to respect the human rights of migrants, to put an end to arbitrary\n arrest and detention and to pursue alternatives to detention;';

  it('should mark each ellipsis-separated fragment in order, across whitespace and case differences', () => {
    const runs = client.highlightQuote(text, 'To put an end to arbitrary arrest and detention … alternatives to detention');
    expect(runs.filter((run) => run.marked).map((run) => run.text)).toEqual([
      'to put an end to arbitrary\n arrest and detention',
      'alternatives to detention',
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
  });

  it('should mark nothing when the quote is not in the text', () => {
    expect(client.highlightQuote(text, 'ending the detention of migrant children')).toEqual([{ text, marked: false }]);
  });
});

describe('formatAnswerForCopy', () => {
  it('should append each citation with its quote and only safe links', () => {
    const copied = client.formatAnswerForCopy('Answer [A/RES/76/172, para. 5 (a)].', [
      { label: 'A/RES/76/172, para. 5 (a)', quote: 'to put an end to arbitrary arrest', url: 'https://undocs.org/en/A/RES/76/172' },
      { label: 'Bad', quote: '', url: 'javascript:alert(1)' },
    ]);
    expect(copied).toBe(
      'Answer [A/RES/76/172, para. 5 (a)].\n\nSources:\n[A/RES/76/172, para. 5 (a)] “to put an end to arbitrary arrest” https://undocs.org/en/A/RES/76/172\n[Bad]',
    );
  });
});

describe('safeUrl', () => {
  it('should accept http(s) links and refuse script and data links', () => {
    expect(client.safeUrl('https://undocs.org/en/A/RES/76/172')).toBe('https://undocs.org/en/A/RES/76/172');
    expect(client.safeUrl('javascript:alert(1)')).toBe('');
    expect(client.safeUrl(' JavaScript:alert(1)')).toBe('');
    expect(client.safeUrl('data:text/html,<script>alert(1)</script>')).toBe('');
  });
});

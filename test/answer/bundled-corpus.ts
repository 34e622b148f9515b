import { parseResolutionFile } from '../../src/corpus/parse-resolution-file.js';
import type { ResolutionDocument } from '../../src/corpus/resolution-document.js';

/** The two bundled resolutions, parsed by the real parser. */
export async function bundledDocuments(): Promise<ResolutionDocument[]> {
  return Promise.all([parseResolutionFile('corpus/A_RES_76_172.txt'), parseResolutionFile('corpus/A_RES_74_148.txt')]);
}

/** Labels, symbols and "(2021)" name where a quote comes from; they are not claims to check. */
export function withoutReferences(answer: string): string {
  return answer
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b[AS]\/RES\/\d+\/\d+(?:\s*\(\d{4}\))?/g, ' ')
    .replace(/\b(?:para\.|paragraph|footnote)\s*\d+(?:\s*\([a-z]+\))*/gi, ' ');
}

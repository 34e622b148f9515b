import { readFileSync } from 'node:fs';

export interface PromptFiles {
  answerSystem: string;
  answerUser: string;
  rewriteSystem: string;
}

/** Read once at start-up from `prompts/`; a missing file fails fast with its path. */
export function loadPromptFiles(directory: URL = new URL('../../prompts/', import.meta.url)): PromptFiles {
  const read = (name: string) => {
    const url = new URL(name, directory);
    try {
      return readFileSync(url, 'utf8').trim();
    } catch (error) {
      throw new Error(`Cannot read prompt file ${url.pathname}: ${(error as Error).message}`);
    }
  };
  return { answerSystem: read('answer-system.md'), answerUser: read('answer-user.md'), rewriteSystem: read('rewrite-system.md') };
}

import type { AnswerService } from '../answer/answer-types.js';
import type { CorpusStore } from '../corpus/corpus-store.js';
import { PublicError } from './public-error.js';

/**
 * The server listens (and answers /healthz, /readyz) while the index loads; these stand-ins hand
 * requests to the real services once `resolve` is called. Routes that need them are also gated by
 * readiness, so the "not ready" branches here are a safety net.
 */
export interface DeferredServices {
  answerService: AnswerService;
  corpus: CorpusStore;
  resolve(answerService: AnswerService, corpus: CorpusStore): void;
}

export function createDeferredServices(): DeferredServices {
  let answerService: AnswerService | undefined;
  let corpus: CorpusStore | undefined;
  const requireAnswerService = () => {
    if (!answerService) throw new PublicError('not-ready', undefined, 5);
    return answerService;
  };
  return {
    answerService: {
      answer: async (request) => requireAnswerService().answer(request),
      stream: (request) => requireAnswerService().stream(request),
    },
    corpus: {
      documents: () => corpus?.documents() ?? [],
      getDocument: (symbol) => corpus?.getDocument(symbol),
      getUnit: (id) => corpus?.getUnit(id),
      documentOf: (unitId) => corpus?.documentOf(unitId),
    },
    resolve(service, store) {
      answerService = service;
      corpus = store;
    },
  };
}

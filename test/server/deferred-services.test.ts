import { describe, expect, it } from 'vitest';
import { createDeferredServices } from '../../src/server/deferred-services.js';
import { PublicError } from '../../src/server/public-error.js';
import { createScriptedAnswerService, makeTestCorpus } from './server-test-kit.js';

describe('deferredServices', () => {
  it('should refuse answers and know no documents until resolved, then hand requests on', async () => {
    const deferred = createDeferredServices();
    const request = { messages: [{ role: 'user' as const, content: 'Detention?' }] };
    await expect(deferred.answerService.answer(request)).rejects.toBeInstanceOf(PublicError);
    expect(deferred.corpus.documents()).toEqual([]);
    expect(deferred.corpus.getUnit('A/RES/76/172:OP1')).toBeUndefined();
    const service = createScriptedAnswerService();
    deferred.resolve(service, makeTestCorpus());
    expect((await deferred.answerService.answer(request)).citations.length).toBe(2);
    expect(deferred.corpus.getUnit('A/RES/76/172:OP1')?.label).toBe('A/RES/76/172, para. 1');
    expect(service.requests).toHaveLength(1);
  });
});

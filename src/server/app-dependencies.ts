import type { AnswerService } from '../answer/answer-types.js';
import type { Config } from '../config.js';
import type { CorpusStore } from '../corpus/corpus-store.js';
import type { AnswerRepository } from '../storage/answer-repository.js';
import type { AnswerAdmission } from './answer-admission.js';
import type { InFlightStreams } from './in-flight-streams.js';
import type { Logger } from './json-logger.js';
import type { OriginPolicy } from './origin-policy.js';
import type { Readiness } from './readiness.js';
import type { RequestRateLimiter } from './request-rate-limiter.js';
import type { ServerMetrics } from './server-metrics.js';

/** Everything createApp needs, injected so tests use fakes and the app itself holds no state. */
export interface AppDependencies {
  answerService: AnswerService;
  corpus: CorpusStore;
  repository: AnswerRepository;
  rateLimiter: RequestRateLimiter;
  config: Config;
  clock: () => Date;
  createId: () => string;
  logger: Logger;
  readiness: Readiness;
  /** Per-process counters; a fresh set when omitted. */
  metrics?: ServerMetrics;
  /** Shared with the shutdown code so it can wait for open streams; a fresh tracker when omitted. */
  inFlight?: InFlightStreams;
}

/** The dependencies with the optional parts filled in, as the routes see them. */
export interface ServerServices extends Required<AppDependencies> {
  admission: AnswerAdmission;
  originPolicy: OriginPolicy;
}

export interface AppEnv {
  Variables: {
    /** The widget key that passed the origin check, for the per-key rate limit. */
    widgetKey?: string;
  };
}

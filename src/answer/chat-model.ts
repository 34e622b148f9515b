import OpenAI from 'openai';
import type { Config } from '../config.js';
import type { ChatMessage } from './answer-types.js';

/** The LLM as the answer chain sees it: a stream of text deltas for a list of messages. */
export interface ChatModel {
  readonly name: string;
  stream(messages: ChatMessage[], options?: { signal?: AbortSignal }): AsyncIterable<string>;
}

/** Raised when the model could not answer within the retry budget; the caller falls back. */
export class ChatModelError extends Error {
  override name = 'ChatModelError';
  constructor(
    message: string,
    readonly code: 'timeout' | 'rate-limited' | 'server-error' | 'connection' | 'aborted' | 'bad-response',
    readonly attempts: number,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  /** Retries after the first attempt (≤ 2). */
  maxRetries: number;
  /** Per attempt. */
  attemptTimeoutMs: number;
  /** Everything included: attempts and waits. */
  totalBudgetMs: number;
  /** Longest Retry-After honoured; a longer one ends the attempts at once. */
  maxRetryAfterMs: number;
  /** Wait before a retry when the server gives no Retry-After. */
  baseBackoffMs: number;
}

export function retryPolicyFrom(config: Pick<Config, 'LLM_TIMEOUT_MS' | 'LLM_MAX_RETRIES'>): RetryPolicy {
  return {
    maxRetries: Math.min(2, config.LLM_MAX_RETRIES),
    attemptTimeoutMs: config.LLM_TIMEOUT_MS,
    totalBudgetMs: 10_000,
    maxRetryAfterMs: 3_000,
    baseBackoffMs: 250,
  };
}

export interface OpenAiChatModelOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  policy: RetryPolicy;
  clock?: () => number;
}

export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  // The SDK's own retries are off: ours honour Retry-After within one overall budget.
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey ?? 'not-needed', maxRetries: 0, timeout: options.policy.attemptTimeoutMs });
  const clock = options.clock ?? Date.now;
  const { policy } = options;
  return {
    name: options.model,
    async *stream(messages, streamOptions = {}) {
      const started = clock();
      const deadline = AbortSignal.timeout(policy.totalBudgetMs);
      for (let attempt = 1; ; attempt += 1) {
        const remaining = policy.totalBudgetMs - (clock() - started);
        if (remaining <= 0) throw new ChatModelError('LLM budget exhausted', 'timeout', attempt - 1);
        const attemptSignal = AbortSignal.any([
          deadline,
          AbortSignal.timeout(Math.min(policy.attemptTimeoutMs, remaining)),
          ...(streamOptions.signal ? [streamOptions.signal] : []),
        ]);
        let yielded = false;
        try {
          const stream = await client.chat.completions.create(
            { model: options.model, messages, stream: true, temperature: 0 },
            { signal: attemptSignal, timeout: Math.min(policy.attemptTimeoutMs, remaining) },
          );
          for await (const chunk of stream) {
            const delta = chunk.choices[0]?.delta?.content;
            if (delta) {
              yielded = true;
              yield delta;
            }
          }
          return;
        } catch (error) {
          if (streamOptions.signal?.aborted) throw new ChatModelError('request aborted', 'aborted', attempt);
          const failure = classify(error, attemptSignal.aborted);
          // Text already shown cannot be retried without repeating it; the caller decides.
          if (yielded || attempt > policy.maxRetries) throw new ChatModelError(failure.message, failure.code, attempt);
          const wait = failure.retryAfterMs ?? policy.baseBackoffMs * attempt;
          const left = policy.totalBudgetMs - (clock() - started);
          if (wait > policy.maxRetryAfterMs || wait >= left) throw new ChatModelError(failure.message, failure.code, attempt);
          await sleep(wait, streamOptions.signal);
        }
      }
    },
  };
}

interface Failure {
  code: ChatModelError['code'];
  message: string;
  retryAfterMs?: number;
}

function classify(error: unknown, timedOut: boolean): Failure {
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const retryAfterMs = parseRetryAfter(error.headers?.get('retry-after') ?? undefined);
    const code = error.status === 429 ? 'rate-limited' : error.status >= 500 ? 'server-error' : 'bad-response';
    return { code, message: `LLM returned status ${error.status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (timedOut || error instanceof OpenAI.APIConnectionTimeoutError) return { code: 'timeout', message: 'LLM attempt timed out' };
  return { code: 'connection', message: 'LLM connection failed' };
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ChatModelError('request aborted', 'aborted', 0));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ChatModelError('request aborted', 'aborted', 0));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

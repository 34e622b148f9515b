import type { Answer, ChatMessage } from '../src/answer/answer-types.js';
import type { EvaluationTarget, UnitView } from './evaluation-target.js';
import { HarnessError } from './harness-error.js';

export interface HttpTargetOptions {
  /** Per request. */
  timeoutMs?: number;
  /** How often a 429 is waited out before the item counts as an error. */
  maxRateLimitRetries?: number;
  sleep?: (milliseconds: number) => Promise<void>;
}

const defaultSleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** A running server: `POST /api/chat` with `stream: false`, `GET /api/units/:id` for the report. */
export async function createHttpTarget(baseUrl: string, options: HttpTargetOptions = {}): Promise<EvaluationTarget> {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRateLimitRetries ?? 5;

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(`${root}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
      const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).message;
      throw new HarnessError(`server ${root} unreachable (${reason}); start it with npm start or fix --url`);
    }
  }

  const probe = await request('/api/documents');
  if (!probe.ok) throw new HarnessError(`server ${root} answered GET /api/documents with HTTP ${probe.status}; is it a Verbatim server?`);
  await probe.arrayBuffer();

  return {
    mode: 'http',
    url: root,
    models: {},
    async answer(messages: ChatMessage[]): Promise<Answer> {
      for (let attempt = 0; ; attempt += 1) {
        const response = await request('/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messages, stream: false }),
        });
        if (response.status === 429 && attempt < maxRetries) {
          await response.arrayBuffer();
          const seconds = Number(response.headers.get('retry-after') ?? '1');
          await sleep(Math.min(60, Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000);
          continue;
        }
        const text = await response.text();
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
        return JSON.parse(text) as Answer;
      }
    },
    async getUnit(id: string): Promise<UnitView | undefined> {
      const response = await request(`/api/units/${encodeURIComponent(id)}`);
      if (response.status === 404) {
        await response.arrayBuffer();
        return undefined;
      }
      if (!response.ok) throw new HarnessError(`GET /api/units/${id}: HTTP ${response.status}`);
      const body = (await response.json()) as UnitView & { leadIn?: string | null };
      return {
        id: body.id,
        label: body.label,
        text: body.text,
        ...(body.leadIn ? { leadIn: body.leadIn } : {}),
        footnotes: body.footnotes ?? [],
      };
    },
  };
}

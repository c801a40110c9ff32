// Answers asked for before anyone asked: the boot module (and a fresh sign-in) start the calls the page being opened
// will make, so their round trip runs while the app's code loads and the shell renders, not after.
//
// An early answer is the very call the page would make — same method, input and session — and is taken once: the first
// `api()` call that matches it uses it, any later one calls again. A failed or refused answer is never used (the page
// calls again and sees today's behaviour), and an answer nobody took within EARLY_MS is dropped, so a page opened
// later never shows data from the start-up.
import type { ApiResult } from '../../shared/api/errors';
import { send } from './transport';

const EARLY_MS = 15_000;
const early = new Map<string, Promise<ApiResult<unknown> | null>>();

const keyOf = (method: string, input: unknown, session: string | undefined) => `${session ?? ''}\u0000${method}\u0000${JSON.stringify(input ?? {})}`;

/** Starts `method(input)` now unless the same call is already waiting; resolves to its answer (null when it threw). */
export function startEarly(method: string, input: unknown, session?: string): Promise<ApiResult<unknown> | null> {
  const key = keyOf(method, input, session);
  const waiting = early.get(key);
  if (waiting) return waiting;
  return keep(key, send(method, input, session).catch(() => null));
}

/** Records an answer the page already has (the sign-in status browser mode writes into the page) as `method(input)`'s
 * early answer, taken like any other: once, within EARLY_MS. */
export function seedEarly(method: string, input: unknown, data: unknown): Promise<ApiResult<unknown> | null> {
  return keep(keyOf(method, input, undefined), Promise.resolve({ ok: true, data }));
}

function keep(key: string, answer: Promise<ApiResult<unknown> | null>): Promise<ApiResult<unknown> | null> {
  early.set(key, answer);
  setTimeout(() => {
    if (early.get(key) === answer) early.delete(key);
  }, EARLY_MS);
  return answer;
}

/** The early answer to exactly this call, once; undefined when there is none (the caller calls as usual). */
export function takeEarly(method: string, input: unknown, session: string | undefined): Promise<ApiResult<unknown> | null> | undefined {
  const key = keyOf(method, input, session);
  const answer = early.get(key);
  early.delete(key);
  return answer;
}

// The renderer's only way to the back end. Components and stores call `api(method, input)`; whether that travels over
// Electron IPC or browser mode's loopback HTTP bridge is decided in transport.ts.
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiErrorData, IssueDetail } from '../../shared/api/errors';
import { takeEarly } from './early';
import { send } from './transport';

// The signed-in session travels with every call; an expired one sends the app back to the sign-in screen.
let session: string | undefined;
let onSignedOut: () => void = () => {};
export function setSession(token: string | undefined): void {
  session = token;
}
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly issues: IssueDetail[];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.code = data.code;
    this.field = data.field;
    this.issues = data.issues ?? [];
  }
}

export async function api<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  // an early answer to this very call (early.ts) is used only when it succeeded; otherwise the call is made as usual
  const early = await takeEarly(method, input, session);
  const result = early?.ok ? early : await send(method, input, session);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED') onSignedOut();
    throw new ApiCallError(result.error);
  }
  return result.data as Output<M>;
}

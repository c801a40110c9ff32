// Who is acting, carried with each call. One shared "current actor" variable was overwritten by every call, so while
// a clerk's import awaited its backup, a supervisor's read re-labelled the imported rows. AsyncLocalStorage follows the
// call through its awaits into the services, the audit triggers (staffbook_actor()) and the event writers.
import { AsyncLocalStorage } from 'node:async_hooks';

interface CallScope {
  /** the signed-in user's name; null when the call has no session (the shell's own name applies) */
  actor: string | null;
}

const scope = new AsyncLocalStorage<CallScope>();

/** Runs `fn` (and everything it awaits) as `actor`. */
export function runAs<T>(actor: string | null, fn: () => T): T {
  return scope.run({ actor }, fn);
}

/** The actor of the call being served, or null outside any call or for a call without a session. */
export function currentActor(): string | null {
  return scope.getStore()?.actor ?? null;
}

/** Names the caller once the dispatcher has found the call's session. */
export function setCallActor(actor: string | null): void {
  const s = scope.getStore();
  if (s) s.actor = actor;
}

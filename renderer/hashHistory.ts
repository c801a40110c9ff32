// vue-router's hash history, less one write. As it starts, the router records its state in the current history entry,
// then its first navigation records the very same state and URL again (history.replaceState each time: a same-document
// navigation the browser commits, on the way to the first screen). The second write is skipped only when it would
// change nothing; every later write, and a first one that changes anything, goes through.
import { createWebHashHistory, type RouterHistory } from 'vue-router';

type State = Record<string, unknown> | null;

/** True when replacing the current entry with `to` and `data` would leave URL and state as they are. */
export function replaceChangesNothing(current: string, state: State, to: string, data: Record<string, unknown> | undefined): boolean {
  if (!state || to !== current || state.current !== to || state.replaced !== true) return false;
  return Object.entries(data ?? {}).every(([k, v]) => (state[k] ?? null) === (v ?? null));
}

export function hashHistory(): RouterHistory {
  const routerHistory = createWebHashHistory();
  let first = true;
  const replace: RouterHistory['replace'] = (to, data) => {
    const skip = first && replaceChangesNothing(routerHistory.location, window.history.state as State, to, data as Record<string, unknown> | undefined);
    first = false;
    if (!skip) routerHistory.replace(to, data);
  };
  // its location and state are getters over its own closures, its other methods closures too: the wrapper inherits them
  return Object.assign(Object.create(routerHistory) as RouterHistory, { replace });
}

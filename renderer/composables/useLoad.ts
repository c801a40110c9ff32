// Every page's load: busy while it runs, the reason on screen when it fails, and 找不到 when the record is gone
// (issue #14 item 9: a failed load is never dropped into the console or left as a blank page).
import { onMounted, reactive } from 'vue';
import { ApiCallError } from '../api/client';
import { errorText } from '../format';

export interface Load {
  busy: boolean;
  error: string;
  notFound: boolean;
  /** Runs a load; resolves true when it succeeded. Never rejects: a failure is in `error` or `notFound`. */
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
  /** Runs the last load again (the 重試 button). */
  retry: () => Promise<boolean>;
}

export function useLoad(): Load {
  let last: (() => Promise<unknown>) | null = null;
  const state: Load = reactive({
    busy: false,
    error: '',
    notFound: false,
    async run(fn: () => Promise<unknown>) {
      last = fn;
      state.busy = true;
      state.error = '';
      state.notFound = false;
      try {
        await fn();
        return true;
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'NOT_FOUND') state.notFound = true;
        else state.error = errorText(e);
        return false;
      } finally {
        state.busy = false;
      }
    },
    retry: () => (last ? state.run(last) : Promise.resolve(false)),
  });
  return state;
}

/**
 * A page's one load, run when the page mounts: `load_` for LoadState and the busy flag, `load` to run it again (the
 * year changed, an import is done).
 */
export function usePageLoad(fn: () => Promise<unknown>): { load_: Load; load: () => Promise<boolean> } {
  const load_ = useLoad();
  const load = () => load_.run(fn);
  onMounted(load);
  return { load_, load };
}

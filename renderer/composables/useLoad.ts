// Every page's load: busy while it runs, the reason on screen when it fails, and 找不到 when the record is gone
// (issue #14 item 9: a failed load is never dropped into the console or left as a blank page).
import { reactive } from 'vue';
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

// A save from a form, card or dialog: busy while it runs (the button spins), the reason in `error` when it fails,
// cleared when the next try starts. The caller says what success means (close, a message, a reload).
import { reactive } from 'vue';
import { errorText } from '../format';

export interface Save {
  busy: boolean;
  error: string;
  /** Runs a save; resolves true when it succeeded. Never rejects: a failure is in `error`. */
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
}

export function useSave(): Save {
  const state: Save = reactive({
    busy: false,
    error: '',
    async run(fn: () => Promise<unknown>) {
      state.busy = true;
      state.error = '';
      try {
        await fn();
        return true;
      } catch (e) {
        state.error = errorText(e);
        return false;
      } finally {
        state.busy = false;
      }
    },
  });
  return state;
}

// A date field's text and its one commit rule, for both date fields (RocDateInput in forms, AsOfDate in toolbars): the
// box shows 113/06/30 and accepts 113/06/30, 113年6月30日, 1130630 or ISO; the model stays ISO.
import { ref, watch, type Ref } from 'vue';
import { explainBadDate, formatRoc, parseDate } from '../../shared/dates/roc';

export function useRocDateText(model: Ref<string | null>, emit: { invalid(message: string | null): void; change(value: string | null): void }) {
  const text = ref(formatRoc(model.value));
  const error = ref<string | null>(null);
  watch(model, (v) => {
    if (parseDate(text.value) !== v) text.value = formatRoc(v);
  });

  function commit() {
    const before = model.value;
    const t = text.value.trim();
    const next = t ? parseDate(t) : null;
    error.value = t && !next ? explainBadDate(t) : null;
    emit.invalid(error.value);
    if (error.value) return;
    text.value = formatRoc(next);
    // Enter and the blur that follows both commit; only a real change should reload anything.
    if (next !== before) {
      model.value = next;
      emit.change(next);
    }
  }
  return { text, error, commit };
}

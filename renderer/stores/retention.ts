// Retention as of a reference date: the two rates, who is behind them, the look-ahead and the 24-month trend.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type RetentionResult = Output<'retention.at'>;
export type RetentionRow = RetentionResult['rows'][number];
export type TrendPoint = Output<'retention.trend'>[number];
/** Which people the drill-down table shows: everyone listed, or those behind one number. */
export type RetentionFilter = 'all' | 'denominator' | 'short' | 'long' | 'excluded';

export const TREND_MONTHS = 24;

export const useRetentionStore = defineStore('retention', () => {
  const date = ref(todayIso());
  const result = ref<RetentionResult | null>(null);
  const trend = ref<TrendPoint[]>([]);
  const filter = ref<RetentionFilter>('all');
  const loading = ref(false);

  async function load(d = date.value) {
    loading.value = true;
    try {
      const [r, t] = await Promise.all([api('retention.at', { date: d }), api('retention.trend', { end: d, months: TREND_MONTHS })]);
      date.value = d;
      result.value = r;
      trend.value = t;
    } finally {
      loading.value = false;
    }
  }

  const rows = computed(() => {
    const all = result.value?.rows ?? [];
    switch (filter.value) {
      case 'denominator':
        return all.filter((r) => r.inDenominator);
      case 'short':
        return all.filter((r) => r.inShort);
      case 'long':
        return all.filter((r) => r.inLong);
      case 'excluded':
        return all.filter((r) => !r.inDenominator);
      default:
        return all;
    }
  });

  return { date, result, trend, filter, loading, rows, load };
});

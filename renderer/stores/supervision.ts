// Supervision on a date: 個管 and 督導 in post, the ratio and its compliance, allocation, teams; and assigning a 督導.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, Output } from '../../shared/api/contract';
import { rocYear, todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type SupervisionResult = Output<'supervision.at'>;
export type PlanParams = Output<'planYears.get'>['params'];

export const useSupervisionStore = defineStore('supervision', () => {
  const date = ref(todayIso());
  const result = ref<SupervisionResult | null>(null);
  /** the plan year's parameters on that date (team-size limit = ratio) */
  const params = ref<PlanParams | null>(null);
  const loading = ref(false);

  async function load(d = date.value) {
    loading.value = true;
    try {
      const [r, p] = await Promise.all([api('supervision.at', { date: d }), api('planYears.get', { rocYear: rocYear(d) })]);
      date.value = d;
      result.value = r;
      params.value = p.params;
    } finally {
      loading.value = false;
    }
  }

  async function assign(input: Input<'supervision.assign'>) {
    await api('supervision.assign', input);
    await load();
  }

  return { date, result, params, loading, load, assign };
});

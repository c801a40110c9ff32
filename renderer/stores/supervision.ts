// Supervision on a date: 個管 and 督導 in post, the ratio and its compliance, allocation, teams; and assigning a 督導.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, Output } from '../../shared/api/contract';
import { todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type SupervisionResult = Output<'supervision.at'>;

export const useSupervisionStore = defineStore('supervision', () => {
  const date = ref(todayIso());
  const result = ref<SupervisionResult | null>(null);
  const loading = ref(false);

  async function load(d = date.value) {
    loading.value = true;
    try {
      const r = await api('supervision.at', { date: d });
      date.value = d;
      result.value = r;
    } finally {
      loading.value = false;
    }
  }

  async function assign(input: Input<'supervision.assign'>) {
    await api('supervision.assign', input);
    await load();
  }

  return { date, result, loading, load, assign };
});

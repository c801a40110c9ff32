// One plan year's parameters and approved quota: load (a new year starts as a copy of an earlier one) and save.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, Output } from '../../shared/api/contract';
import { api } from '../api/client';

export type PlanYear = Output<'planYears.get'>;

export const usePlanYearStore = defineStore('planYear', () => {
  const current = ref<PlanYear | null>(null);
  const loading = ref(false);

  async function load(rocYear: number) {
    loading.value = true;
    try {
      current.value = await api('planYears.get', { rocYear });
    } finally {
      loading.value = false;
    }
  }

  async function save(input: Input<'planYears.save'>) {
    await api('planYears.save', input);
    await load(input.rocYear);
  }

  return { current, loading, load, save };
});

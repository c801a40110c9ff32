// Headcount for a ROC plan year: approved quota against who is in post.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { rocYear, todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type HeadcountResult = Output<'headcount.year'>;
export type HeadcountRow = HeadcountResult['rows'][number];

export const useHeadcountStore = defineStore('headcount', () => {
  const year = ref(rocYear(todayIso()));
  const result = ref<HeadcountResult | null>(null);
  const loading = ref(false);

  async function load(y = year.value) {
    loading.value = true;
    try {
      result.value = await api('headcount.year', { rocYear: y });
      year.value = y;
    } finally {
      loading.value = false;
    }
  }

  return { year, result, loading, load };
});

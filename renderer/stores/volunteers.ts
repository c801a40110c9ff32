// Volunteers: the year's 繼續教育涵蓋率 with its lists, and the register behind it.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { rocYear as rocYearOf, todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type VolunteerYear = Output<'volunteers.year'>;
export type VolunteerRow = VolunteerYear['rows'][number];

export const useVolunteerStore = defineStore('volunteers', () => {
  const rocYear = ref(rocYearOf(todayIso()));
  const year = ref<VolunteerYear | null>(null);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      year.value = await api('volunteers.year', { rocYear: rocYear.value });
    } finally {
      loading.value = false;
    }
  }
  return { rocYear, year, loading, load };
});

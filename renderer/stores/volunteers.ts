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
  /** volunteers saved with no service period: in no year's figure, so listed apart rather than lost (issue #15 item 6) */
  const withoutPeriod = ref<{ id: number; name: string }[]>([]);

  async function load() {
    loading.value = true;
    try {
      const [y, all] = await Promise.all([api('volunteers.year', { rocYear: rocYear.value }), api('volunteers.list', {})]);
      year.value = y;
      withoutPeriod.value = all.filter((v) => v.periods.length === 0).map((v) => ({ id: v.id, name: v.name }));
    } finally {
      loading.value = false;
    }
  }
  return { rocYear, year, loading, withoutPeriod, load };
});

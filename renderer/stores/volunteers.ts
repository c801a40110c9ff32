// Volunteers: the year's 繼續教育涵蓋率 with its lists, the register behind it, and what 志願服務法 counts on a date
// (榮譽卡, 績優獎勵) with its two files.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import type { HONOUR_FORMATS } from '../../shared/api/volunteerHonours';
import { rocYear as rocYearOf, todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';
import { downloadBase64 } from '../files';

export type VolunteerYear = Output<'volunteers.year'>;
export type VolunteerRow = VolunteerYear['rows'][number];
export type Honours = Output<'volunteers.honours'>;
export type HonourRow = Honours['rows'][number];
export type HonourFormat = (typeof HONOUR_FORMATS)[number];

export const useVolunteerStore = defineStore('volunteers', () => {
  const rocYear = ref(rocYearOf(todayIso()));
  const year = ref<VolunteerYear | null>(null);
  const loading = ref(false);
  /** null until the first answer: then the back end's today (the app's clock, not the browser's) */
  const honoursDate = ref<string | null>(null);
  const honours = ref<Honours | null>(null);
  const busy = ref<string | null>(null);
  /** volunteers saved with no service period: in no year's figure, so listed apart rather than lost (issue #15 item 6) */
  const withoutPeriod = ref<{ id: number; name: string }[]>([]);

  async function loadHonours() {
    honours.value = await api('volunteers.honours', { date: honoursDate.value ?? undefined });
    honoursDate.value ??= honours.value.asOf;
  }
  async function load() {
    loading.value = true;
    try {
      const [y, all] = await Promise.all([api('volunteers.year', { rocYear: rocYear.value }), api('volunteers.list', {}), loadHonours()]);
      year.value = y;
      withoutPeriod.value = all.filter((v) => v.periods.length === 0).map((v) => ({ id: v.id, name: v.name }));
    } finally {
      loading.value = false;
    }
  }
  async function file(key: string, get: () => Promise<Output<'volunteers.honours.file'>>) {
    busy.value = key;
    try {
      const f = await get();
      downloadBase64(f.fileName, f.mimeType, f.contentBase64);
      return f.fileName;
    } finally {
      busy.value = null;
    }
  }
  const downloadList = (format: HonourFormat) => file(`list.${format}`, () => api('volunteers.honours.file', { date: honoursDate.value ?? undefined, format }));
  const downloadStatement = (volunteerId: number, from: string, to: string, format: HonourFormat) =>
    file(`statement.${format}`, () => api('volunteers.hours.file', { volunteerId, from, to, format }));

  return { rocYear, year, loading, withoutPeriod, honoursDate, honours, busy, load, loadHonours, downloadList, downloadStatement };
});

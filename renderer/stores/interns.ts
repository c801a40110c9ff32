// Interns: the year's summary for the 期中/期末 report, its interns, and the partner schools.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, Output } from '../../shared/api/contract';
import { rocYear as rocYearOf, todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type InternYear = Output<'interns.year'>;
export type InternRow = InternYear['interns'][number];
export type School = Output<'interns.schools.list'>[number];

export const useInternStore = defineStore('interns', () => {
  const rocYear = ref(rocYearOf(todayIso()));
  const year = ref<InternYear | null>(null);
  const schools = ref<School[]>([]);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      [year.value, schools.value] = await Promise.all([api('interns.year', { rocYear: rocYear.value }), api('interns.schools.list', {})]);
    } finally {
      loading.value = false;
    }
  }
  async function saveIntern(input: Input<'interns.save'>) {
    await api('interns.save', input);
    await load();
  }
  async function deleteIntern(id: number) {
    await api('interns.delete', { id });
    await load();
  }
  async function saveSchool(input: Input<'interns.schools.save'>) {
    await api('interns.schools.save', input);
    await load();
  }
  async function deleteSchool(id: number) {
    await api('interns.schools.delete', { id });
    await load();
  }
  return { rocYear, year, schools, loading, load, saveIntern, deleteIntern, saveSchool, deleteSchool };
});

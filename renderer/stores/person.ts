// One person's record and every change a clerk makes to it. Each action returns the fresh record from the back end.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, Method, Output } from '../../shared/api/contract';
import { api } from '../api/client';

export type PersonDetail = Output<'people.get'>;
export type PeriodInput = Input<'periods.add'>['period'];
export type PersonInput = Input<'people.create'>['person'];

export type Mutation = Exclude<Extract<Method, `periods.${string}` | `leaves.${string}` | 'people.update'>, never>;

export const usePersonStore = defineStore('person', () => {
  const detail = ref<PersonDetail | null>(null);
  const loading = ref(false);

  async function load(id: number) {
    loading.value = true;
    // never show the previous person's record under another id while (or after failing) loading
    if (detail.value?.person.id !== id) detail.value = null;
    try {
      detail.value = await api('people.get', { id });
    } finally {
      loading.value = false;
    }
  }

  /** Runs one change; the back end answers with the person's whole record, so the screen never shows stale rows. */
  async function change<M extends Mutation>(method: M, input: Input<M>) {
    detail.value = (await api(method, input)) as PersonDetail;
  }

  async function create(person: PersonInput, period: PeriodInput): Promise<number> {
    detail.value = await api('people.create', { person, period });
    return detail.value.person.id;
  }

  async function remove(id: number) {
    await api('people.delete', { id });
    detail.value = null;
  }

  return { detail, loading, load, change, create, remove };
});

// A figure read as of a date (留任率, 督導比): the date box, the load behind it and the role names the figure shows.
// Picking a date (typed, or a reference-day button) loads the figure for it; the page loads on mount.
import { onMounted, ref } from 'vue';
import { useRolesStore } from '../stores/roles';
import { useLoad } from './useLoad';

export function useFigureAt(store: { date: string; load: (d: string) => Promise<unknown> }) {
  const roles = useRolesStore();
  const asOf = ref<string | null>(store.date);
  const load_ = useLoad();
  async function load(d: string | null) {
    if (!d) return;
    asOf.value = d;
    await load_.run(() => store.load(d));
  }
  onMounted(() => Promise.all([roles.roles.length ? null : roles.load(), load(store.date)]));
  return { roles, asOf, load_, load };
}

// The roster as of a date, and the clerk's search/filter choices over it.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Output } from '../../shared/api/contract';
import { todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type RosterRow = Output<'roster.at'>['rows'][number];
export type StatusFilter = '' | 'active' | 'leave';

export const useRosterStore = defineStore('roster', () => {
  const asOf = ref(todayIso());
  // replaced whole on each load, never edited in place: no deep proxies over thousands of rows (the cold load's cost)
  const rows = shallowRef<RosterRow[]>([]);
  const countsByRole = ref<Record<string, number>>({});
  const onLeave = ref(0);
  const loading = ref(false);
  const search = ref('');
  const roleFilter = ref('');
  const groupFilter = ref('');
  const statusFilter = ref<StatusFilter>('');

  async function load(date = asOf.value) {
    loading.value = true;
    try {
      const data = await api('roster.at', { date });
      asOf.value = date;
      rows.value = data.rows;
      countsByRole.value = data.countsByRole;
      onLeave.value = data.onLeave;
    } finally {
      loading.value = false;
    }
  }

  const groups = computed(() => [...new Set(rows.value.map((r) => r.businessGroup).filter((g): g is string => !!g))].sort());

  const filtered = computed(() => {
    // each choice read once, not once per row; with none made the list is the roster itself (no copy of thousands)
    const q = search.value.trim().toLowerCase();
    const role = roleFilter.value;
    const group = groupFilter.value;
    const status = statusFilter.value;
    if (!q && !role && !group && !status) return rows.value;
    return rows.value.filter(
      (r) =>
        (!q || r.name.toLowerCase().includes(q) || (r.employeeNo ?? '').toLowerCase().includes(q)) &&
        (!role || r.roleCode === role) &&
        (!group || r.businessGroup === group) &&
        (!status || (status === 'leave') === r.onLeave),
    );
  });

  return { asOf, rows, countsByRole, onLeave, loading, search, roleFilter, groupFilter, statusFilter, groups, filtered, load };
});

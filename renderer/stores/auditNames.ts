// The names audit rows are read with: people (also those a row only refers to by id), accounts and 職稱.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api/client';
import type { AuditNames } from '../auditFormat';
import { useAuthStore } from './auth';
import { useRolesStore } from './roles';

export const useAuditNamesStore = defineStore('auditNames', () => {
  const people = ref(new Map<number, string>());
  const accounts = ref(new Map<string, string>());
  const roles = useRolesStore();

  async function load() {
    const auth = useAuthStore();
    const [ps, as] = await Promise.all([
      api('people.list', {}),
      auth.can('accounts.list') ? api('accounts.list', {}) : Promise.resolve([]),
      roles.roles.length ? null : roles.load(),
    ]);
    people.value = new Map(ps.map((p) => [p.id, p.name]));
    accounts.value = new Map(as.map((a) => [a.username, a.displayName]));
  }

  const names = computed<AuditNames>(() => ({
    roleName: (code) => roles.nameOf(code),
    personName: (id) => people.value.get(id),
    accountName: (u) => accounts.value.get(u),
  }));

  return { load, names };
});

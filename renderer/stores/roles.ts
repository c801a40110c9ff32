import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { api } from '../api/client';

type Role = Output<'roles.list'>[number];

export const useRolesStore = defineStore('roles', () => {
  const roles = ref<Role[]>([]);
  const byCode = computed(() => new Map(roles.value.map((r) => [r.code, r])));

  async function load() {
    roles.value = await api('roles.list', {});
  }
  async function add(code: string, name: string) {
    await api('roles.add', { code, name });
    await load();
  }
  const nameOf = (code: string) => byCode.value.get(code)?.name ?? code;

  return { roles, byCode, load, add, nameOf };
});

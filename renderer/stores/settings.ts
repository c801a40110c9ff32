// The office profile and the lists clerks pick from (業務組, 所屬行政單位), loaded once and shared by every form.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { BUSINESS_GROUPS } from '../../shared/domain/types';
import { api } from '../api/client';

type Settings = Output<'settings.get'>;

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ office: { county: '', centre: '', unit: '', contact: '' }, lists: { businessGroups: [...BUSINESS_GROUPS], adminUnits: [] } });
  let loaded = false;

  async function load(force = false) {
    if (loaded && !force) return;
    settings.value = await api('settings.get', {});
    loaded = true;
  }
  async function save(next: Settings) {
    await api('settings.save', next);
    await load(true);
  }

  return { settings, load, save };
});

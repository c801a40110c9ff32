// The home screen's tiles, reminders and 12-month chart.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { api } from '../api/client';

export const useDashboardStore = defineStore('dashboard', () => {
  const home = ref<Output<'dashboard.home'> | null>(null);
  const trend = ref<Output<'dashboard.trend'>>([]);

  async function load() {
    home.value = await api('dashboard.home', {});
    trend.value = await api('dashboard.trend', { end: home.value.today, months: 12 });
  }

  return { home, trend, load };
});

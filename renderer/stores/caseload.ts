// Month-end caseloads: the table for one month end, recording a row, and the all-or-nothing file import.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Input, Output } from '../../shared/api/contract';
import { api, ApiCallError } from '../api/client';
import { lastMonthEnd, todayIso } from '../../shared/dates/roc';
import { errorText } from '../format';
import { fileToBase64 } from '../files';

export type CaseloadRow = Output<'caseload.at'>[number];
type Preview = Output<'import.caseload.preview'>;

export const useCaseloadStore = defineStore('caseload', () => {
  const monthEnd = ref(lastMonthEnd(todayIso()));
  const rows = ref<CaseloadRow[]>([]);
  const loading = ref(false);

  async function load(d = monthEnd.value) {
    loading.value = true;
    try {
      rows.value = await api('caseload.at', { monthEnd: d });
      monthEnd.value = d;
    } finally {
      loading.value = false;
    }
  }

  async function record(input: Input<'caseload.record'>) {
    await api('caseload.record', input);
    await load();
  }

  const missing = computed(() => rows.value.filter((r) => r.active == null));
  const over = computed(() => rows.value.filter((r) => r.load != null && r.load > 1));

  // import: the chosen file, its preview (nothing written yet), then commit
  const file = ref<{ fileName: string; contentBase64: string; sheet?: string } | null>(null);
  const preview = ref<Preview | null>(null);
  const importError = ref('');
  const busy = ref(false);

  function resetImport() {
    file.value = null;
    preview.value = null;
    importError.value = '';
  }

  async function choose(f: File) {
    resetImport();
    busy.value = true;
    try {
      file.value = { fileName: f.name, contentBase64: await fileToBase64(f) };
      preview.value = await api('import.caseload.preview', file.value);
    } catch (e) {
      importError.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }

  /** Reads another sheet of the same workbook. */
  async function chooseSheet(sheet: string) {
    if (!file.value) return;
    busy.value = true;
    importError.value = '';
    try {
      file.value = { ...file.value, sheet };
      preview.value = await api('import.caseload.preview', file.value);
    } catch (e) {
      importError.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }

  /** Imports the chosen file; returns the result, or null when refused (errors then show in the preview). */
  async function commit(): Promise<Preview | null> {
    if (!file.value) return null;
    busy.value = true;
    try {
      const done = await api('import.caseload.commit', file.value);
      resetImport();
      await load();
      return done;
    } catch (e) {
      if (e instanceof ApiCallError && e.issues.length && preview.value) preview.value = { ...preview.value, errors: e.issues };
      importError.value = errorText(e);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { monthEnd, rows, loading, missing, over, load, record, file, preview, importError, busy, resetImport, choose, chooseSheet, commit };
});

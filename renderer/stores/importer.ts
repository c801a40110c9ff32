// Roster import: the chosen file, its preview (nothing written yet), and the all-or-nothing commit.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { api, ApiCallError } from '../api/client';
import { downloadBase64, fileToBase64 } from '../files';
import { errorText } from '../format';

type Preview = Output<'import.roster.preview'>;

export const useImporterStore = defineStore('importer', () => {
  const fileName = ref('');
  const content = ref('');
  /** the sheet the clerk picked; the workbook's active sheet until then */
  const sheet = ref<string | undefined>(undefined);
  const preview = ref<Preview | null>(null);
  const fileError = ref('');
  const busy = ref(false);
  const done = ref<Preview | null>(null);

  function reset() {
    fileName.value = '';
    content.value = '';
    sheet.value = undefined;
    preview.value = null;
    fileError.value = '';
    done.value = null;
  }

  async function choose(file: File) {
    reset();
    busy.value = true;
    try {
      fileName.value = file.name;
      content.value = await fileToBase64(file);
      preview.value = await api('import.roster.preview', { fileName: file.name, contentBase64: content.value });
    } catch (e) {
      fileError.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }

  /** Reads another sheet of the same workbook. */
  async function chooseSheet(name: string) {
    busy.value = true;
    fileError.value = '';
    try {
      sheet.value = name;
      preview.value = await api('import.roster.preview', { fileName: fileName.value, contentBase64: content.value, sheet: name });
    } catch (e) {
      fileError.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }

  async function commit() {
    busy.value = true;
    try {
      done.value = await api('import.roster.commit', { fileName: fileName.value, contentBase64: content.value, sheet: sheet.value });
      preview.value = null;
    } catch (e) {
      if (e instanceof ApiCallError && e.issues.length && preview.value) preview.value = { ...preview.value, errors: e.issues };
      fileError.value = errorText(e);
    } finally {
      busy.value = false;
    }
  }

  async function downloadTemplate() {
    const f = await api('import.roster.template', {});
    downloadBase64(f.fileName, f.mimeType, f.contentBase64);
  }

  return { fileName, preview, fileError, busy, done, choose, chooseSheet, commit, reset, downloadTemplate };
});

// 送出紀錄: the submitted packages, one chosen submission's frozen contents and its diff against today's data.
// A submission uses the 報表匯出 page's choices (填報時間, 縣市, 自評進度 …), so what is frozen is what that page exports.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { api } from '../api/client';
import { downloadBase64 } from '../files';
import { useExportsStore } from './exports';

export type SubmissionSummary = Output<'submissions.list'>[number];
export type SubmissionDetail = Output<'submissions.show'>;
export type SubmissionDiff = Output<'submissions.diff'>;

export const useSubmissionsStore = defineStore('submissions', () => {
  const list = ref<SubmissionSummary[]>([]);
  const selected = ref<number | null>(null);
  const detail = ref<SubmissionDetail | null>(null);
  const diff = ref<SubmissionDiff | null>(null);
  const loading = ref(false);
  const busy = ref<string | null>(null);

  async function load() {
    loading.value = true;
    try {
      list.value = await api('submissions.list', {});
    } finally {
      loading.value = false;
    }
  }

  async function select(id: number) {
    selected.value = id;
    detail.value = null;
    diff.value = null;
    busy.value = 'detail';
    try {
      detail.value = await api('submissions.show', { id, contents: false });
    } finally {
      busy.value = null;
    }
  }

  async function compare() {
    if (selected.value == null) return;
    busy.value = 'diff';
    try {
      diff.value = await api('submissions.diff', { id: selected.value });
    } finally {
      busy.value = null;
    }
  }

  async function submit(note: string, replacesId: number | null) {
    const options = useExportsStore().options;
    busy.value = 'submit';
    try {
      const s = await api('submissions.submit', { ...options, note: note.trim() || null, replacesId: replacesId ?? undefined });
      await load();
      await select(s.id);
      return s;
    } finally {
      busy.value = null;
    }
  }

  /** The frozen bytes, as stored: the same file the ministry received. */
  async function download(name: string) {
    if (selected.value == null) return;
    busy.value = `file:${name}`;
    try {
      const f = await api('submissions.file', { id: selected.value, name });
      downloadBase64(f.fileName, f.mimeType, f.contentBase64);
    } finally {
      busy.value = null;
    }
  }

  return { list, selected, detail, diff, loading, busy, load, select, compare, submit, download };
});

// The ministry's forms: which period, the clerk's choices (填報時間, 附件 number, 自評進度, 縣市), and what the back end
// says about them — the data-quality check, the paragraph, the indicator rows. Files are fetched on demand.
import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { ExportForm, ExportFormat } from '../../shared/api/exports';
import type { Input, Output } from '../../shared/api/contract';
import { rocYear, todayIso } from '../../shared/dates/roc';
import type { IndicatorKey, Progress } from '../../shared/domain/indicators';
import { api } from '../api/client';
import { downloadBase64 } from '../files';

export type QualityResult = Output<'exports.check'>;
export type StaffingResult = Output<'exports.staffingText'>;
export type IndicatorResult = Output<'exports.indicators'>;

/**
 * The report a clerk is preparing (issue #15 item 10): its reference date's month has come — 期末 from December,
 * 期中 from June — else last year's 期末, still due in the first months of the year.
 */
export function latestPeriod(today = todayIso()): { rocYear: number; half: 1 | 2 } {
  const y = rocYear(today);
  const month = Number(today.slice(5, 7));
  if (month >= 12) return { rocYear: y, half: 2 };
  if (month >= 6) return { rocYear: y, half: 1 };
  return { rocYear: y - 1, half: 2 };
}

export const useExportsStore = defineStore('exports', () => {
  const start = latestPeriod();
  const year = ref(start.rocYear);
  const half = ref<1 | 2>(start.half);
  const filledOn = ref<string | null>(todayIso());
  const annex = ref('五');
  const county = ref('');
  const avgCaseload = ref<number | null>(null);
  const progress = reactive<Partial<Record<IndicatorKey, Progress | null>>>({});

  const quality = ref<QualityResult | null>(null);
  const staffing = ref<StaffingResult | null>(null);
  const indicators = ref<IndicatorResult | null>(null);
  const loading = ref(false);
  const busy = ref<string | null>(null);

  const options = computed(
    (): Input<'exports.check'> => ({
      rocYear: year.value,
      half: half.value,
      filledOn: filledOn.value ?? undefined,
      annex: annex.value.trim() || undefined,
      progress: { ...progress },
      county: county.value.trim() || undefined,
      avgCaseload: avgCaseload.value ?? undefined,
    }),
  );

  async function load() {
    loading.value = true;
    try {
      const o = options.value;
      [quality.value, staffing.value, indicators.value] = await Promise.all([api('exports.check', o), api('exports.staffingText', o), api('exports.indicators', o)]);
    } finally {
      loading.value = false;
    }
  }

  /** Re-reads only what the clerk's choice changes, so editing 自評進度 does not reload the whole page. */
  async function reloadIndicators() {
    indicators.value = await api('exports.indicators', options.value);
  }
  async function reloadStaffing() {
    staffing.value = await api('exports.staffingText', options.value);
  }
  async function reloadQuality() {
    quality.value = await api('exports.check', options.value);
  }

  function setProgress(key: IndicatorKey, value: Progress | null | undefined) {
    if (value === undefined) delete progress[key];
    else progress[key] = value;
    return reloadIndicators();
  }

  async function download(form: ExportForm, format: ExportFormat) {
    busy.value = `${form}.${format}`;
    try {
      const f = await api('exports.file', { ...options.value, form, format });
      downloadBase64(f.fileName, f.mimeType, f.contentBase64);
      return f.fileName;
    } finally {
      busy.value = null;
    }
  }

  function preview(form: ExportForm) {
    return api('exports.preview', { ...options.value, form });
  }

  return { year, half, filledOn, annex, county, avgCaseload, progress, quality, staffing, indicators, loading, busy, options, load, reloadIndicators, reloadStaffing, reloadQuality, setProgress, download, preview };
});

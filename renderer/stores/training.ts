// Staff training: the plan year on screen, its per-person matrix and figures, its courses and its case reports.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, Output } from '../../shared/api/contract';
import { rocYear as rocYearOf, todayIso } from '../../shared/dates/roc';
import { api } from '../api/client';

export type TrainingYear = Output<'training.year'>;
export type PersonTraining = TrainingYear['people'][number];
export type Course = Output<'training.courses.list'>[number];
export type CaseReport = Output<'caseReports.list'>[number];

export const useTrainingStore = defineStore('training', () => {
  /** shared by the training pages so switching between them keeps the year */
  const rocYear = ref(rocYearOf(todayIso()));
  const year = ref<TrainingYear | null>(null);
  const courses = ref<Course[]>([]);
  const reports = ref<CaseReport[]>([]);
  const loading = ref(false);

  async function busy<T>(fn: () => Promise<T>): Promise<T> {
    loading.value = true;
    try {
      return await fn();
    } finally {
      loading.value = false;
    }
  }

  const loadYear = () => busy(async () => (year.value = await api('training.year', { rocYear: rocYear.value })));
  const loadCourses = () => busy(async () => (courses.value = await api('training.courses.list', { rocYear: rocYear.value })));
  const loadReports = () => busy(async () => (reports.value = await api('caseReports.list', { rocYear: rocYear.value })));

  async function saveCourse(input: Input<'training.courses.save'>) {
    const saved = await api('training.courses.save', input);
    await loadCourses();
    return saved;
  }
  async function deleteCourse(id: number) {
    await api('training.courses.delete', { id });
    await loadCourses();
  }
  async function saveReport(input: Input<'caseReports.save'>) {
    await api('caseReports.save', input);
    await loadReports();
  }
  async function deleteReport(id: number) {
    await api('caseReports.delete', { id });
    await loadReports();
  }

  return { rocYear, year, courses, reports, loading, loadYear, loadCourses, loadReports, saveCourse, deleteCourse, saveReport, deleteReport };
});

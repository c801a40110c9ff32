import { createRouter } from 'vue-router';
import { hashHistory } from './hashHistory';
import RosterPage from './pages/RosterPage.vue';

// Hash history: the app is served from a custom protocol in Electron and from a loopback port in browser mode.
export const router = createRouter({
  history: hashHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
    { path: '/roster', name: 'roster', component: RosterPage },
    { path: '/people/:id', name: 'person', component: () => import('./pages/PersonPage.vue'), props: (r) => ({ id: Number(r.params.id) }) },
    { path: '/import', name: 'import', component: () => import('./pages/ImportPage.vue') },
    { path: '/settings/roles', name: 'roles', component: () => import('./pages/RolesPage.vue') },
    { path: '/settings/backup', name: 'backup', component: () => import('./pages/BackupPage.vue') },
    { path: '/settings/audit', name: 'audit', component: () => import('./pages/AuditPage.vue') },
    { path: '/settings/accounts', name: 'accounts', component: () => import('./pages/AccountsPage.vue') },
    { path: '/settings/office', name: 'office', component: () => import('./pages/SettingsPage.vue') },
    // figures pages load lazily: chart.js stays out of the initial bundle
    { path: '/retention', name: 'retention', component: () => import('./pages/RetentionPage.vue') },
    { path: '/supervision', name: 'supervision', component: () => import('./pages/SupervisionPage.vue') },
    { path: '/headcount', name: 'headcount', component: () => import('./pages/HeadcountPage.vue') },
    { path: '/caseload', name: 'caseload', component: () => import('./pages/CaseloadPage.vue') },
    { path: '/settings/plan-year', name: 'plan-year', component: () => import('./pages/PlanYearPage.vue') },
    { path: '/training', name: 'training', component: () => import('./pages/TrainingPage.vue') },
    { path: '/training/courses', name: 'training-courses', component: () => import('./pages/TrainingCoursesPage.vue') },
    { path: '/training/case-reports', name: 'case-reports', component: () => import('./pages/CaseReportsPage.vue') },
    { path: '/volunteers', name: 'volunteers', component: () => import('./pages/VolunteersPage.vue') },
    { path: '/interns', name: 'interns', component: () => import('./pages/InternsPage.vue') },
    // the ministry's forms (附件五 register, 人力運用情形, 衡量指標, 附件七) and their print view
    { path: '/exports', name: 'exports', component: () => import('./pages/ExportPage.vue') },
    { path: '/exports/print/:form', name: 'export-print', component: () => import('./pages/ExportPrintPage.vue'), props: true },
    { path: '/submissions', name: 'submissions', component: () => import('./pages/SubmissionsPage.vue') },
  ],
});

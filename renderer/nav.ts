// The navigation's items, in order: every page a role may open (the back end refuses the rest anyway).
export interface NavItem {
  to: string;
  label: string;
  test: string;
}

const ALL: (NavItem & { when?: 'import' | 'admin' })[] = [
  { to: '/', label: '首頁', test: 'nav-home' },
  { to: '/roster', label: '人員名冊', test: 'nav-roster' },
  { to: '/import', label: '匯入名冊', test: 'nav-import', when: 'import' },
  { to: '/retention', label: '留任率', test: 'nav-retention' },
  { to: '/supervision', label: '督導比', test: 'nav-supervision' },
  { to: '/headcount', label: '人力配置', test: 'nav-headcount' },
  { to: '/caseload', label: '案量', test: 'nav-caseload' },
  { to: '/training', label: '訓練', test: 'nav-training' },
  { to: '/volunteers', label: '志工', test: 'nav-volunteers' },
  { to: '/interns', label: '實(見)習', test: 'nav-interns' },
  { to: '/exports', label: '報表匯出', test: 'nav-exports' },
  { to: '/submissions', label: '送出紀錄', test: 'nav-submissions' },
  { to: '/settings/plan-year', label: '年度參數', test: 'nav-plan-year' },
  { to: '/settings/office', label: '單位設定', test: 'nav-office' },
  { to: '/settings/roles', label: '職稱設定', test: 'nav-roles' },
  { to: '/settings/backup', label: '備份與還原', test: 'nav-backup', when: 'admin' },
  { to: '/settings/audit', label: '操作紀錄', test: 'nav-audit', when: 'admin' },
  { to: '/settings/accounts', label: '帳號管理', test: 'nav-accounts', when: 'admin' },
];

export function navItems(auth: { can(method: 'import.roster.commit'): boolean; isAdmin: boolean }): NavItem[] {
  return ALL.filter((i) => !i.when || (i.when === 'import' ? auth.can('import.roster.commit') : auth.isAdmin));
}

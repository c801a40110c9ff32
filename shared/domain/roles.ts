import type { Role, RoleKind } from './types';

/** The plan's roles (RULES §1), seeded by the first migration; kept here so pure code and tests agree with it. */
export const BUILTIN_ROLES: readonly Role[] = [
  { code: 'CM', name: '個管', kind: 'case_manager', builtin: true, sort: 10 },
  { code: 'SCM', name: '資深個管', kind: 'case_manager', builtin: true, sort: 20 },
  { code: 'SUP', name: '督導', kind: 'supervisor', builtin: true, sort: 30 },
  { code: 'PM', name: '專管', kind: 'project_manager', builtin: true, sort: 40 },
  { code: 'OWN', name: '自有專責', kind: 'own', builtin: true, sort: 50 },
];

export const ROLE_KIND_LABELS: Record<RoleKind, string> = {
  case_manager: '個管',
  supervisor: '督導',
  project_manager: '專管',
  own: '自有專責人力',
  other: '其他計畫人力',
};

/** Retention population: funded 個管, 資深個管 and 督導 (RULES §3). */
export function isRetentionRole(kind: RoleKind): boolean {
  return kind === 'case_manager' || kind === 'supervisor';
}

/** Find a role by its code or by the name a clerk writes in the template (個管, 資深個管, ..., or a custom role's name). */
export function findRole(roles: readonly Role[], text: string): Role | undefined {
  const t = text.trim();
  const alias: Record<string, string> = { 一般個管: 'CM', 個案管理員: 'CM', 自有專責人力: 'OWN', 自有: 'OWN' };
  const code = alias[t] ?? t;
  return roles.find((r) => r.code === code || r.name === t);
}

// Who may call what. Every contract method carries an access level (default 'write': a method nobody classified is
// not open to read-only roles). Roles: 管理者 admin, 承辦人 clerk (edit data, export), 督導 supervisor (read-only).
export type Access = 'public' | 'read' | 'write' | 'export' | 'admin';
export type AccountRole = 'admin' | 'clerk' | 'supervisor';

/** The one minimum password length, for the contract and the pages' hints (here: no zod, so pages import it cheaply). */
export const MIN_PASSWORD_LENGTH = 8;

export const ROLE_LABELS: Record<AccountRole, string> = { admin: '管理者', clerk: '承辦人', supervisor: '督導' };

const ALLOWED: Record<AccountRole, readonly Access[]> = {
  admin: ['public', 'read', 'write', 'export', 'admin'],
  clerk: ['public', 'read', 'write', 'export'],
  supervisor: ['public', 'read'],
};

export function roleMay(role: AccountRole, access: Access): boolean {
  return ALLOWED[role].includes(access);
}

export function refusal(role: AccountRole, access: Access): string {
  if (access === 'admin') return `只有管理者可以執行這項操作（您目前的角色：${ROLE_LABELS[role]}）`;
  return `您的角色（${ROLE_LABELS[role]}）只能檢視，不能修改或匯出資料`;
}

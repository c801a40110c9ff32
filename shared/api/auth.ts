// Contract of sign-in and accounts (issue: trust).
import { z } from 'zod';
import { empty, id } from './schemas';
import { MIN_PASSWORD_LENGTH } from './access';

export const accountRole = z.enum(['admin', 'clerk', 'supervisor']);
const username = z.string().trim().min(2, { message: '帳號至少 2 個字元' }).max(40).regex(/^[\w.@-]+$/, { message: '帳號只能用英文字母、數字及 . _ - @' });
const password = z.string().min(MIN_PASSWORD_LENGTH, { message: `密碼至少 ${MIN_PASSWORD_LENGTH} 個字元` }).max(200);
const displayName = z.string().trim().min(1, { message: '請填姓名' }).max(40);
const account = z.object({ username: z.string(), displayName: z.string(), role: accountRole });
const signedIn = z.object({ session: z.string(), account, idleMinutes: z.number() });

export const authApi = {
  'auth.status': {
    access: 'public',
    input: empty,
    output: z.object({
      needsSetup: z.boolean(),
      /** browser mode: creating the first 管理者 needs the one-time code printed on the console */
      setupCodeRequired: z.boolean(),
      authRequired: z.boolean(),
      account: account.nullable(),
      idleMinutes: z.number(),
    }),
  },
  'auth.setup': { access: 'public', input: z.object({ username, displayName, password, setupCode: z.string().max(64).optional() }), output: signedIn },
  'auth.login': { access: 'public', input: z.object({ username: z.string().max(40), password: z.string().max(200) }), output: signedIn },
  'auth.logout': { access: 'public', input: empty, output: z.object({ done: z.literal(true) }) },
  'auth.changePassword': { access: 'read', input: z.object({ oldPassword: z.string().max(200), newPassword: password }), output: z.object({ done: z.literal(true) }) },
  'accounts.list': {
    access: 'admin',
    input: empty,
    output: z.array(account.extend({ id, disabled: z.boolean(), locked: z.boolean() })),
  },
  'accounts.create': { access: 'admin', input: z.object({ username, displayName, role: accountRole, password }), output: z.object({ id }) },
  'accounts.update': { access: 'admin', input: z.object({ id, displayName, role: accountRole, disabled: z.boolean() }), output: z.object({ done: z.literal(true) }) },
  'accounts.setPassword': { access: 'admin', input: z.object({ id, password }), output: z.object({ done: z.literal(true) }) },
  'settings.setIdleMinutes': { access: 'admin', input: z.object({ minutes: z.number().int().min(1).max(240) }), output: z.object({ done: z.literal(true) }) },
} as const;

// Who is signed in, and the idle timer that signs them out (auto-lock).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { api, setSession, whenSignedOut } from '../api/client';

type Account = NonNullable<Output<'auth.status'>['account']>;
export type AuthState = 'checking' | 'setup' | 'signin' | 'ready';

export const useAuthStore = defineStore('auth', () => {
  const state = ref<AuthState>('checking');
  const account = ref<Account | null>(null);
  const idleMinutes = ref(15);
  const lockedOut = ref(false);
  /** browser mode's first start: the one-time code printed on the console is needed to create the 管理者 */
  const setupCodeRequired = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const isAdmin = computed(() => account.value?.role === 'admin');
  const canEdit = computed(() => account.value?.role === 'admin' || account.value?.role === 'clerk');

  function signedOut(idle = false) {
    setSession(undefined);
    account.value = null;
    lockedOut.value = idle;
    state.value = 'signin';
    clearTimeout(timer);
  }
  whenSignedOut(() => signedOut(true));

  /** Any key or pointer activity restarts the clock; silence for `idleMinutes` locks the app. */
  function touch() {
    clearTimeout(timer);
    if (state.value === 'ready') timer = setTimeout(() => void logout(true), idleMinutes.value * 60_000);
  }

  function signedIn(r: Output<'auth.login'>) {
    setSession(r.session);
    account.value = r.account;
    idleMinutes.value = r.idleMinutes;
    lockedOut.value = false;
    state.value = 'ready';
    touch();
  }

  async function check() {
    const s = await api('auth.status', {});
    idleMinutes.value = s.idleMinutes;
    if (!s.authRequired) {
      account.value = { username: 'local', displayName: '本機', role: 'admin' };
      state.value = 'ready';
    } else state.value = s.needsSetup ? 'setup' : 'signin';
    setupCodeRequired.value = s.setupCodeRequired;
  }

  async function setup(username: string, displayName: string, password: string, setupCode?: string) {
    signedIn(await api('auth.setup', { username, displayName, password, setupCode: setupCode || undefined }));
  }
  async function login(username: string, password: string) {
    signedIn(await api('auth.login', { username, password }));
  }
  async function logout(idle = false) {
    await api('auth.logout', {}).catch(() => undefined);
    signedOut(idle);
  }

  return { state, account, idleMinutes, lockedOut, setupCodeRequired, isAdmin, canEdit, check, setup, login, logout, touch };
});

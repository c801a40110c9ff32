// Who is signed in, and the idle timer that signs them out (auto-lock).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { roleMay } from '../../shared/api/access';
import type { Method, Output } from '../../shared/api/contract';
import accessLevels from 'virtual:access-levels';
import { api, setSession, whenSignedOut } from '../api/client';
import { startEarly } from '../api/early';
import { firstCallsFor } from '../api/firstCalls';

type Account = NonNullable<Output<'auth.status'>['account']>;
export type AuthState = 'checking' | 'setup' | 'signin' | 'ready';

export const useAuthStore = defineStore('auth', () => {
  const state = ref<AuthState>('checking');
  const account = ref<Account | null>(null);
  const idleMinutes = ref(15);
  const lockedOut = ref(false);
  /** browser mode's first start: the one-time code printed on the console is needed to create the 管理者 */
  const setupCodeRequired = ref(false);
  /** true during the last minute before an idle sign-out */
  const idleWarning = ref(false);
  /**
   * After an idle sign-out the screens stay mounted under the sign-in form (a half-filled dialog keeps what was
   * typed); `shellKey` changes when a different account signs in, so nothing of the previous user's work survives.
   */
  const resumeAs = ref<string | null>(null);
  const shellKey = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warnTimer: ReturnType<typeof setTimeout> | undefined;

  const isAdmin = computed(() => can('accounts.list'));
  /** the roles that may change data (any 'write'-level method); prefer `can(method)` for a specific action */
  const canEdit = computed(() => can('people.update'));
  /** Whether the signed-in role may call `method`: the contract's access levels, the same rule the dispatcher enforces. */
  function can(method: Method): boolean {
    return !!account.value && roleMay(account.value.role, accessLevels[method]);
  }

  function stopTimers() {
    clearTimeout(timer);
    clearTimeout(warnTimer);
    idleWarning.value = false;
  }

  function signedOut(idle = false) {
    resumeAs.value = idle ? (account.value?.username ?? resumeAs.value) : null;
    setSession(undefined);
    account.value = null;
    lockedOut.value = idle;
    state.value = 'signin';
    stopTimers();
  }
  whenSignedOut(() => signedOut(true));

  /** Any key or pointer activity restarts the clock; silence for `idleMinutes` locks the app. */
  function touch() {
    stopTimers();
    if (state.value !== 'ready') return;
    const ms = idleMinutes.value * 60_000;
    timer = setTimeout(() => void logout(true), ms);
    warnTimer = setTimeout(() => (idleWarning.value = true), Math.max(0, ms - 60_000));
  }

  function signedIn(r: Output<'auth.login'>) {
    // the shell mounts now (or again, for another account): the opened page's calls start while it renders
    if (resumeAs.value !== r.account.username) for (const [method, input] of firstCallsFor(globalThis.location?.hash ?? '')) void startEarly(method, input, r.session);
    if (resumeAs.value && resumeAs.value !== r.account.username) shellKey.value++;
    resumeAs.value = null;
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

  return { state, account, idleMinutes, lockedOut, setupCodeRequired, idleWarning, resumeAs, shellKey, isAdmin, canEdit, can, check, setup, login, logout, touch };
});

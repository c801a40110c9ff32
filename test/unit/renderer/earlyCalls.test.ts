// Issue 18 (browser cold load): the calls a page makes as it opens may start before the app has loaded (boot.ts) or
// while the shell renders after a sign-in (auth store), and the page then takes that answer instead of calling again.
// Proven here with the transport replaced by a recorder: what is taken, when it is not, and that the boot module
// fetches no data for a page that needs a sign-in.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';

type Sent = { method: string; input: unknown; session?: string };
const sent: Sent[] = [];
let answer: (c: Sent) => ApiResult<unknown> = () => ({ ok: true, data: null });
vi.mock('../../../renderer/api/transport', () => ({
  send: async (method: string, input: unknown, session?: string) => {
    const c = { method, input, session };
    sent.push(c);
    return answer(c);
  },
}));

const { api, setSession } = await import('../../../renderer/api/client');
const { startEarly, takeEarly } = await import('../../../renderer/api/early');
const { firstCallsFor } = await import('../../../renderer/api/firstCalls');
const { todayIso } = await import('../../../shared/dates/roc');

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  sent.length = 0;
  answer = ({ method }) => ({ ok: true, data: { from: method } });
  setSession(undefined);
});
afterEach(() => vi.useRealTimers());

describe('early answers', () => {
  it('the same call (method, input, session) takes the early answer once; the next one calls again', async () => {
    void startEarly('roster.at', { date: '2026-12-02' });
    expect(await api('roster.at', { date: '2026-12-02' })).toEqual({ from: 'roster.at' });
    expect(sent).toHaveLength(1);
    await api('roster.at', { date: '2026-12-02' });
    expect(sent).toHaveLength(2);
  });

  it('another input or another session is not the same call', async () => {
    void startEarly('roster.at', { date: '2026-12-02' });
    await api('roster.at', { date: '2026-12-01' });
    setSession('s1');
    await api('roster.at', { date: '2026-12-02' }); // signed in since: the answer fetched without a session is not used
    expect(sent.map((c) => [c.method, c.session])).toEqual([['roster.at', undefined], ['roster.at', undefined], ['roster.at', 's1']]);
    expect(takeEarly('roster.at', { date: '2026-12-02' }, undefined)).toBeDefined(); // still there, untaken
  });

  it('a refused early answer is dropped and the page calls again, seeing that call’s own answer', async () => {
    answer = () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '請先登入' } });
    void startEarly('roles.list', {});
    await settle();
    answer = () => ({ ok: true, data: ['fresh'] });
    expect(await api('roles.list', {})).toEqual(['fresh']);
    expect(sent).toHaveLength(2);
  });

  it('an answer nobody took is forgotten: a page opened later never sees start-up data', async () => {
    vi.useFakeTimers();
    void startEarly('roles.list', {});
    vi.advanceTimersByTime(16_000);
    expect(takeEarly('roles.list', {}, undefined)).toBeUndefined();
  });

  it('the listed first calls are exactly what the roster and home pages’ stores send', async () => {
    setActivePinia(createPinia());
    const { useRosterStore } = await import('../../../renderer/stores/roster');
    const { useRolesStore } = await import('../../../renderer/stores/roles');
    const { useDashboardStore } = await import('../../../renderer/stores/dashboard');
    answer = ({ method }) => ({ ok: true, data: method === 'roster.at' ? { rows: [], countsByRole: {}, onLeave: 0 } : method === 'dashboard.home' ? { today: '2026-12-02' } : [] });
    await Promise.all([useRosterStore().load(), useRolesStore().load(), useDashboardStore().load()]);
    const key = (c: readonly [string, unknown] | Sent) => JSON.stringify(Array.isArray(c) ? c : [(c as Sent).method, (c as Sent).input]);
    const made = new Set(sent.map(key));
    expect(firstCallsFor('#/roster')).toEqual([['roster.at', { date: todayIso() }], ['roles.list', {}]]);
    for (const c of [...firstCallsFor('#/roster'), ...firstCallsFor('#/')]) expect(made).toContain(key(c));
    expect(firstCallsFor('#/settings/audit')).toEqual([]);
  });
});

describe('sign-in', () => {
  it('a fresh sign-in starts the opened page’s calls with the new session, and the page takes them', async () => {
    setActivePinia(createPinia());
    const { useAuthStore } = await import('../../../renderer/stores/auth');
    const { useRolesStore } = await import('../../../renderer/stores/roles');
    answer = ({ method }) =>
      method === 'auth.login'
        ? { ok: true, data: { session: 's9', account: { username: 'a', displayName: 'A', role: 'clerk' }, idleMinutes: 15 } }
        : { ok: true, data: [{ code: 'case_manager' }] };
    vi.stubGlobal('location', { hash: '#/roster' });
    await useAuthStore().login('a', 'pw');
    vi.unstubAllGlobals();
    expect(sent.map((c) => [c.method, c.session ?? null])).toEqual([['auth.login', null], ['roster.at', 's9'], ['roles.list', 's9']]);
    await useRolesStore().load();
    expect(sent).toHaveLength(3); // taken, not called again
    await useAuthStore().logout(); // stops the idle timers
  });
});

describe('boot module', () => {
  /** `served`: the status browser mode wrote into the page (`<meta name="staffbook-status">`), as its content;
   * `system`: the database's status it wrote beside it (`<meta name="staffbook-system">`) */
  async function boot(hash: string, served?: string, system?: string) {
    vi.stubGlobal('location', { hash });
    const metas: Record<string, string | undefined> = { 'meta[name="staffbook-status"]': served, 'meta[name="staffbook-system"]': system };
    vi.stubGlobal('document', { querySelector: (sel: string) => (metas[sel] !== undefined ? { content: metas[sel] } : null) });
    vi.resetModules(); // boot.ts runs on import; the transport mock is kept
    await import('../../../renderer/boot');
    for (let i = 0; i < 5; i++) await settle();
    vi.unstubAllGlobals();
  }

  it('asks auth.status, and where no sign-in is needed starts the opened page’s calls', async () => {
    answer = ({ method }) => ({ ok: true, data: method === 'auth.status' ? { authRequired: false } : {} });
    await boot('#/roster');
    expect(sent.map((c) => c.method)).toEqual(['auth.status', 'roster.at', 'roles.list']);
  });

  it('takes the sign-in status the page was served with: no auth.status request, the page’s calls start at once', async () => {
    await boot('#/roster', JSON.stringify({ authRequired: false }));
    expect(sent.map((c) => c.method)).toEqual(['roster.at', 'roles.list']);
    // what the app's own auth.status will take (the boot's module instance: boot() reset the modules)
    const { takeEarly: takeBooted } = await import('../../../renderer/api/early');
    expect(await takeBooted('auth.status', {}, undefined)).toEqual({ ok: true, data: { authRequired: false } });
  });

  it('takes the database status the page was served with: the damaged-file check of the first screen sends nothing', async () => {
    const status = { dbPath: '/x/staffbook.db', damaged: null, newestBackup: null };
    await boot('#/roster', JSON.stringify({ authRequired: false }), JSON.stringify(status));
    expect(sent.map((c) => c.method)).toEqual(['roster.at', 'roles.list']);
    const { takeEarly: takeBooted } = await import('../../../renderer/api/early');
    expect(await takeBooted('system.status', {}, undefined)).toEqual({ ok: true, data: status });
    expect(takeBooted('system.status', {}, undefined)).toBeUndefined(); // taken once: a later check asks the back end
  });

  it('asks after all when the served status is not JSON', async () => {
    answer = ({ method }) => ({ ok: true, data: method === 'auth.status' ? { authRequired: true } : {} });
    await boot('#/roster', '{not json');
    expect(sent.map((c) => c.method)).toEqual(['auth.status']);
  });

  it('fetches no data when the served status says a sign-in is needed', async () => {
    await boot('#/roster', JSON.stringify({ authRequired: true }));
    expect(sent).toEqual([]);
  });

  it('fetches no data while a sign-in is needed', async () => {
    answer = ({ method }) => ({ ok: true, data: method === 'auth.status' ? { authRequired: true } : {} });
    await boot('#/roster');
    expect(sent.map((c) => c.method)).toEqual(['auth.status']);
  });
});

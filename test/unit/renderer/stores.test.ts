// Issue #14 item 12: the Pinia stores that hold logic, tested with the back end replaced by a fake `api`.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: { method: string; input: unknown }[] = [];
const answers = new Map<string, unknown>();
vi.mock('../../../renderer/api/client', () => {
  class ApiCallError extends Error {
    constructor(readonly data: { code: string; message: string; field?: string }) {
      super(data.message);
    }
    get code() {
      return this.data.code;
    }
  }
  return {
    ApiCallError,
    setSession: () => {},
    whenSignedOut: () => {},
    api: async (method: string, input: unknown) => {
      calls.push({ method, input });
      const a = answers.get(method);
      if (a instanceof Error) throw a;
      return typeof a === 'function' ? (a as (i: unknown) => unknown)(input) : a;
    },
  };
});

const { useAuthStore } = await import('../../../renderer/stores/auth');
const { useRosterStore } = await import('../../../renderer/stores/roster');
const { latestPeriod } = await import('../../../renderer/stores/exports');
const { useVolunteerStore } = await import('../../../renderer/stores/volunteers');
const { useLoad } = await import('../../../renderer/composables/useLoad');
const { useSave } = await import('../../../renderer/composables/useSave');
const { ApiCallError } = await import('../../../renderer/api/client');

const login = (role: 'admin' | 'clerk' | 'supervisor', idleMinutes = 15) => ({ session: 's', account: { username: role, displayName: role, role }, idleMinutes });

beforeEach(() => {
  setActivePinia(createPinia());
  calls.length = 0;
  answers.clear();
});
afterEach(() => vi.useRealTimers());

describe('auth store', () => {
  it('can(method) follows the contract’s access levels for each role', async () => {
    const auth = useAuthStore();
    expect(auth.can('roster.at')).toBe(false); // nobody signed in
    for (const [role, expected] of [
      ['supervisor', { 'roster.at': true, 'people.create': false, 'exports.file': false, 'audit.list': false }],
      ['clerk', { 'roster.at': true, 'people.create': true, 'exports.file': true, 'audit.list': false }],
      ['admin', { 'roster.at': true, 'people.create': true, 'exports.file': true, 'audit.list': true }],
    ] as const) {
      answers.set('auth.login', login(role));
      await auth.login(role, 'pw');
      for (const [m, may] of Object.entries(expected)) expect(auth.can(m as 'roster.at'), `${role} ${m}`).toBe(may);
      expect(auth.isAdmin).toBe(role === 'admin');
    }
  });

  it('warns a minute before the idle sign-out; activity clears the warning', async () => {
    vi.useFakeTimers();
    const auth = useAuthStore();
    answers.set('auth.login', login('clerk', 2));
    await auth.login('clerk', 'pw');
    vi.advanceTimersByTime(59_000);
    expect(auth.idleWarning).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(auth.idleWarning).toBe(true);
    auth.touch();
    expect(auth.idleWarning).toBe(false);
    expect(auth.state).toBe('ready');
  });

  it('an idle sign-out keeps the screens for the same account, and drops them for another', async () => {
    vi.useFakeTimers();
    const auth = useAuthStore();
    answers.set('auth.login', login('clerk', 1));
    await auth.login('clerk', 'pw');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(auth.state).toBe('signin');
    expect(auth.resumeAs).toBe('clerk');
    const key = auth.shellKey;
    await auth.login('clerk', 'pw');
    expect(auth.shellKey).toBe(key); // same person: the half-filled dialog is still there
    await vi.advanceTimersByTimeAsync(60_000);
    answers.set('auth.login', login('supervisor'));
    await auth.login('supervisor', 'pw');
    expect(auth.shellKey).toBe(key + 1); // someone else: nothing of the previous work survives
  });
});

describe('roster store', () => {
  const row = (name: string, roleCode: string, businessGroup: string | null, onLeave: boolean, employeeNo: string | null = null) => ({ name, roleCode, businessGroup, onLeave, employeeNo });
  it('filters by search (name or 員工編號), role, group and status together', async () => {
    answers.set('roster.at', { rows: [row('陳一', 'CM', '甲組', false, 'D01'), row('林二', 'SUP', '乙組', true), row('王三', 'CM', '乙組', true)], countsByRole: {}, onLeave: 2 });
    const r = useRosterStore();
    await r.load('2024-12-31');
    expect(r.groups).toEqual(['乙組', '甲組'].sort());
    r.search = 'd01';
    expect(r.filtered.map((x) => x.name)).toEqual(['陳一']);
    r.search = '';
    r.roleFilter = 'CM';
    r.statusFilter = 'leave';
    expect(r.filtered.map((x) => x.name)).toEqual(['王三']);
    r.groupFilter = '甲組';
    expect(r.filtered).toEqual([]);
  });
});

describe('exports store: the period a clerk is preparing', () => {
  it('期末 from December, 期中 from June, else last year’s 期末', () => {
    expect(latestPeriod('2025-12-01')).toEqual({ rocYear: 114, half: 2 });
    expect(latestPeriod('2025-06-01')).toEqual({ rocYear: 114, half: 1 });
    expect(latestPeriod('2025-11-30')).toEqual({ rocYear: 114, half: 1 });
    expect(latestPeriod('2025-05-31')).toEqual({ rocYear: 113, half: 2 });
  });
});

describe('useLoad', () => {
  it('keeps the reason of a failed load, 找不到 for a missing record, and retries the same load', async () => {
    const load = useLoad();
    let fail: Error | null = new Error('連線中斷');
    const fn = async () => {
      if (fail) throw fail;
    };
    expect(await load.run(fn)).toBe(false);
    expect(load.error).toBe('連線中斷');
    expect(load.busy).toBe(false);
    fail = null;
    expect(await load.retry()).toBe(true);
    expect(load.error).toBe('');
    fail = new ApiCallError({ code: 'NOT_FOUND', message: '找不到人員' } as never);
    await load.run(fn);
    expect(load.notFound).toBe(true);
    expect(load.error).toBe('');
  });
});

describe('useSave', () => {
  it('busy while the save runs, the reason kept when it fails, cleared by the next try', async () => {
    const save = useSave();
    let release = () => {};
    const pending = save.run(() => new Promise<void>((r) => (release = r)));
    expect(save.busy).toBe(true);
    release();
    expect(await pending).toBe(true);
    expect(save.busy).toBe(false);
    expect(await save.run(async () => Promise.reject(new Error('日期格式錯誤')))).toBe(false);
    expect(save.error).toBe('日期格式錯誤');
    expect(save.busy).toBe(false);
    const next = save.run(async () => {});
    expect(save.error).toBe('');
    expect(await next).toBe(true);
  });
});

describe('volunteers store', () => {
  it('a volunteer saved without a service period is listed apart, not lost', async () => {
    answers.set('volunteers.year', { rows: [], total: 0 });
    answers.set('volunteers.list', [{ id: 1, name: '甲', periods: [] }, { id: 2, name: '乙', periods: [{ id: 9 }] }]);
    answers.set('volunteers.honours', { asOf: '2024-12-31', rows: [] }); // the 志願服務法 section loads with the page
    const v = useVolunteerStore();
    await v.load();
    expect(v.withoutPeriod).toEqual([{ id: 1, name: '甲' }]);
    expect(v.honoursDate).toBe('2024-12-31');
  });
});

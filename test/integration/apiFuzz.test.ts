// No bad input gets through (issue 7): EVERY method of the contract (Object.keys(contract), so a new method is fuzzed
// the day it lands) gets fast-check payloads — random values, objects shaped like its input with wrong types, missing
// and extra keys, `__proto__` / `constructor` keys, huge strings, NaN, ±Infinity, negative and fractional numbers.
// Each call must come back as data, never a thrown exception, and never INTERNAL:
// - a payload the method's own input schema rejects → VALIDATION, and the database not even written to;
// - {ok:true} only for payloads that schema accepts; an accepted payload refused by the service leaves the data as it
//   was (a write rolled back counts as no write);
// - Object.prototype and friends unpolluted after every call.
// Runs are seeded (STAFFBOOK_FUZZ_SEED) and bounded (STAFFBOOK_FUZZ_RUNS per method).
import crypto from 'node:crypto';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { setPdfRenderer } from '../../electron/exports/pdf';
import { contract, type Method } from '../../shared/api/contract';
import type { ApiErrorData, ErrorCode } from '../../shared/api/errors';
import { hashAllTables, prototypeChanges, tempBackend, type TempBackend } from './helpers';

const SEED = Number(process.env.STAFFBOOK_FUZZ_SEED ?? 20_250_607);
const RUNS = Number(process.env.STAFFBOOK_FUZZ_RUNS ?? 40);
const METHODS = Object.keys(contract) as Method[];
const TYPED: ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'IMPORT_INVALID', 'UNAUTHENTICATED', 'FORBIDDEN'];

/**
 * Accepted payloads of these are not run: the method writes to a folder the caller names, and a fuzzed name
 * (`a`, `..`) would litter the working directory. Their rejected payloads are still fuzzed; backupRestore.test.ts
 * runs the accepted ones on purpose.
 */
const WRITES_TO_CALLER_PATH = new Set<string>(['system.backup']);
/** Accepted payloads of these rewrite the whole file under a new key; encryption.test.ts runs them on purpose. */
const REPLACES_THE_FILE = new Set<string>(['system.encrypt', 'system.rekey', 'system.decrypt']);
/** Failing a sign-in is itself recorded (attempt counter for the lockout, audit event): a legitimate write. */
const WRITES_ON_REFUSAL: Record<string, string[]> = { 'auth.login': ['accounts', 'audit_log'] };

// ------------------------------------------------------------------------------------------------------ payloads

const HUGE = 'x'.repeat(1024 * 1024);
const HUGE_CJK = '人'.repeat(300_000);
/** own `__proto__` / `constructor` keys, as JSON.parse makes them from a hostile request body */
const protoBombs = () => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": {"__proto__": {"polluted": "yes"}}, "id": 1}'),
  Object.assign(Object.create(null), { polluted: 'yes', toString: 'not a function', valueOf: 1 }),
];

const oddNumber = fc.constantFrom(0, -0, -1, 1, 1.5, -1.5, 0.1, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER, 1e308, 5e-324, 2 ** 31, -(2 ** 31), 113, 2024);
const oddString = fc.constantFrom(
  '', ' ', '\u3000', '0', '-1', 'NaN', 'null', 'undefined', 'true', '[]', '{}', '__proto__', 'constructor', 'prototype', 'toString',
  '2024-12-31', '2024-02-29', '2024-02-30', '2023-02-29', '113/02/30', '113/06/30', '1130630', '0000-00-00', '9999-12-31', '2024-13-01',
  'A123456789', 'A123456788', 'a123456789', 'CM', 'SUP', 'ZZZ', '補助', '自有', '離職', 'xlsx', 'pdf', 'register', 'admin', 'clerk',
  '\u0000', '\uFFFD', '\uD800', '<script>alert(1)</script>', "'; DROP TABLE people; --", '../../../etc/passwd', '=1+1', '王小明', HUGE, HUGE_CJK,
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddNumber },
  { weight: 3, arbitrary: oddString },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom(...protoBombs()) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'x') }) },
);
const extraKeys = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'extra', 'id', 'toString'), leaf, { maxKeys: 3 });

type Def = { type: string; [k: string]: any };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const plausibleString = fc.oneof(
  fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-06-30', '2024-12-31', '2025-01-31', 'CM', 'SCM', 'SUP', 'PM', 'OWN', '王小明', '範例一', 'A123456789', '補助', '自有', '離職', 'L1', 'admin', 'clerk.a', 'password123'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const plausibleNumber = fc.oneof(fc.integer({ min: 1, max: 35 }), fc.integer({ min: 90, max: 130 }), fc.constantFrom(0, 0.5, 1.5, 2, 12, 0.8, 7));

/**
 * Values shaped like the schema: its keys, its enums and literals, plausible strings and numbers — `clean` ones are
 * often valid; otherwise each part is sometimes replaced by a wrong value, keys go missing and extra keys appear.
 */
function shaped(schema: z.ZodType, clean: boolean, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: z.ZodType) => shaped(s, clean, depth + 1);
  const wrongOr = (right: fc.Arbitrary<unknown>) => (clean ? right : fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: leaf }));
  if (depth > 5) return leaf;
  switch (def.type) {
    case 'object': {
      const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, wrongOr(inner(v))]));
      const complete = fc.record(fields) as fc.Arbitrary<Record<string, unknown>>;
      if (clean) return complete;
      const partial = fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
      // extra keys (own `__proto__` included, as JSON.parse makes it) next to the right ones
      const withExtra = fc.tuple(complete, extraKeys).map(([o, extra]) => Object.assign(JSON.parse(JSON.stringify(extra, (_k, v) => (typeof v === 'bigint' ? 0 : v)) ?? '{}'), o));
      return fc.oneof({ weight: 3, arbitrary: complete }, { weight: 1, arbitrary: partial }, { weight: 1, arbitrary: withExtra });
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 3, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: clean ? 0 : 1, arbitrary: fc.constant(null) });
    case 'nullable':
      return fc.oneof({ weight: 3, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: clean ? 0 : 1, arbitrary: fc.constant(undefined) });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner(def.getter());
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(inner));
    case 'intersection':
      return fc.oneof(inner(def.left), inner(def.right));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 });
    case 'record':
      return fc.dictionary(clean ? fc.constantFrom('a', 'L1') : fc.constantFrom('__proto__', 'constructor', 'a', 'L1'), inner(def.valueType), { maxKeys: 3 });
    case 'string':
      return clean ? plausibleString : fc.oneof(oddString, plausibleString);
    case 'number':
      return clean ? plausibleNumber : fc.oneof(oddNumber, plausibleNumber, fc.double({ min: -10, max: 10 }));
    case 'boolean':
      return fc.boolean();
    default:
      return leaf;
  }
}

function payloadFor(method: Method): fc.Arbitrary<unknown> {
  const input = contract[method].input as z.ZodType;
  return fc.oneof(
    { weight: 3, arbitrary: shaped(input, false) },
    { weight: 2, arbitrary: shaped(input, true) },
    { weight: 1, arbitrary: leaf },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, {}, [], '', 0, ...protoBombs()) },
  );
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 60 ? `${x.slice(0, 60)}…(${x.length})` : typeof x === 'bigint' ? `${x}n` : x))?.slice(0, 400);
  } catch {
    return String(v);
  }
};

function seedOf(method: string): number {
  return (SEED ^ crypto.createHash('sha1').update(method).digest().readUInt32LE(0)) >>> 0;
}

// ------------------------------------------------------------------------------------------------------ the checks

/** A hash of every table that is recomputed only when the connection has written something since the last one. */
class Fingerprint {
  private cached: { db: unknown; changes: number; hash: string; without: Map<string, string> } | null = null;
  constructor(private readonly b: Backend) {}
  changes(): number {
    return this.b.db.prepare('SELECT total_changes()').pluck().get() as number;
  }
  /** total_changes() counts every row written on this connection, rolled back or not, triggers included */
  current(): { changes: number; hash: string; without: (tables: string[]) => string } {
    const changes = this.changes();
    if (!this.cached || this.cached.db !== this.b.db || this.cached.changes !== changes) {
      this.cached = { db: this.b.db, changes, hash: hashAllTables(this.b, []), without: new Map() };
    }
    const c = this.cached;
    return {
      changes,
      hash: c.hash,
      without: (tables) => {
        const key = tables.join(',');
        if (!c.without.has(key)) c.without.set(key, hashAllTables(this.b, tables));
        return c.without.get(key)!;
      },
    };
  }
}

interface Tally {
  accepted: number;
  ok: number;
  rejected: number;
}

async function check(b: Backend, fp: Fingerprint, method: Method, payload: unknown, tally: Tally, session?: string): Promise<void> {
  const accepted = (contract[method].input as z.ZodType).safeParse(payload ?? {}).success;
  if (accepted) tally.accepted++;
  if (accepted && WRITES_TO_CALLER_PATH.has(method) && payload && typeof payload === 'object' && Object.keys(payload).length) return;
  if (accepted && REPLACES_THE_FILE.has(method)) return;
  const before = fp.current();
  const exceptRefusal = WRITES_ON_REFUSAL[method] ?? [];
  const beforeWithout = exceptRefusal.length ? before.without(exceptRefusal) : before.hash;
  let r: Awaited<ReturnType<Backend['dispatch']>>;
  try {
    r = await b.dispatch(method, payload, session === undefined ? undefined : { session });
  } catch (e) {
    throw new Error(`${method} threw instead of answering: ${e instanceof Error ? e.stack : String(e)}\npayload ${show(payload)}`);
  }
  const where = `${method} ← ${show(payload)}`;
  expect(prototypeChanges(), where).toEqual([]);
  if (r.ok) {
    tally.ok++;
    expect(accepted, `${where}: answered ok for a payload its schema rejects`).toBe(true);
    return;
  }
  tally.rejected++;
  const e: ApiErrorData = r.error;
  expect(TYPED, `${where}: ${e.code} ${e.message}`).toContain(e.code);
  expect(typeof e.message === 'string' && e.message.length > 0, where).toBe(true);
  if (!accepted) {
    if (session === undefined) expect(e.code, where).toBe('VALIDATION');
    // not a single row written, not even one rolled back
    expect(fp.changes(), `${where}: a rejected payload wrote to the database`).toBe(before.changes);
  } else if (fp.changes() !== before.changes) {
    const after = fp.current();
    expect(exceptRefusal.length ? after.without(exceptRefusal) : after.hash, `${where}: refused (${e.code} ${e.message}) but the data changed`).toBe(beforeWithout);
  }
}

// ------------------------------------------------------------------------------------------------------ the suites

let t: TempBackend;
let fp: Fingerprint;
const tallies = new Map<string, Tally>();

beforeAll(() => {
  t = tempBackend();
  createDemoOffice(t.backend.db); // real ids for the payloads to hit: some fuzzed writes succeed, on purpose
  fp = new Fingerprint(t.backend);
  setPdfRenderer(async () => Buffer.from('%PDF-1.4\n% fuzz stub\n')); // no Chromium per fuzzed PDF export
});

afterAll(() => {
  setPdfRenderer(null);
  t?.cleanup();
  const sum = [...tallies.values()].reduce((a, x) => ({ accepted: a.accepted + x.accepted, ok: a.ok + x.ok, rejected: a.rejected + x.rejected }), { accepted: 0, ok: 0, rejected: 0 });
  const neverAccepted = [...tallies].filter(([, x]) => x.accepted === 0).map(([m]) => m);
  console.info(`api fuzz (seed ${SEED}): ${tallies.size} methods × ${RUNS} runs; schema accepted ${sum.accepted}, answered ok ${sum.ok}, refused ${sum.rejected}` + (neverAccepted.length ? `; no valid payload drawn for ${neverAccepted.join(', ')}` : ''));
});

describe('API fuzz: every contract method (trusted shell: CLI, tests)', () => {
  it('the contract has methods to fuzz', () => {
    expect(METHODS.length).toBeGreaterThan(50);
  });

  for (const method of METHODS) {
    it(method, async () => {
      const tally: Tally = { accepted: 0, ok: 0, rejected: 0 };
      tallies.set(method, tally);
      await fc.assert(
        fc.asyncProperty(payloadFor(method), (payload) => check(t.backend, fp, method, payload, tally)),
        { numRuns: RUNS, seed: seedOf(method), endOnFailure: true },
      );
      expect(tally.rejected, `${method}: no payload was refused — the fuzz is not reaching validation`).toBeGreaterThan(0);
    }, 60_000);
  }

  it('unknown, inherited and hostile method names → UNKNOWN_METHOD', async () => {
    const names = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'people.create.', ' people.list', 'PEOPLE.LIST'), fc.anything({ maxDepth: 1 }));
    await fc.assert(
      fc.asyncProperty(names, leaf, async (name, payload) => {
        fc.pre(!(typeof name === 'string' && Object.hasOwn(contract, name)));
        const r = await t.backend.dispatch(name as string, payload);
        expect(r.ok).toBe(false);
        expect((r as { ok: false; error: ApiErrorData }).error.code).toBe('UNKNOWN_METHOD');
        expect(prototypeChanges()).toEqual([]);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});

describe('API fuzz: where people sign in (app, browser mode) and no valid session is presented', () => {
  let signIn: TempBackend;
  let guarded: Backend;
  let gfp: Fingerprint;
  beforeAll(() => {
    signIn = tempBackend();
    signIn.backend.close();
    guarded = openBackend(signIn.dbPath, { requireLogin: true, today: () => '2024-12-31' });
    createDemoOffice(guarded.db);
    gfp = new Fingerprint(guarded);
  });
  afterAll(() => {
    guarded?.close();
    signIn?.cleanup();
  });

  it('only public methods ever answer; the rest are refused without touching the data', async () => {
    const tally: Tally = { accepted: 0, ok: 0, rejected: 0 };
    const call = fc.tuple(fc.constantFrom(...METHODS), fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), fc.uuid())).chain(([m, session]) =>
      payloadFor(m).map((payload) => ({ m, session, payload })),
    );
    await fc.assert(
      fc.asyncProperty(call, async ({ m, session, payload }) => {
        const access = (contract[m] as { access?: string }).access ?? 'write';
        if (access === 'public') return check(guarded, gfp, m, payload, tally, session ?? '');
        const before = gfp.changes();
        const r = await guarded.dispatch(m, payload, session === undefined ? undefined : { session });
        expect(prototypeChanges()).toEqual([]);
        expect(r.ok, `${m} answered without a session`).toBe(false);
        expect((r as { ok: false; error: ApiErrorData }).error.code).toBe('UNAUTHENTICATED');
        expect(gfp.changes(), `${m} wrote without a session`).toBe(before);
      }),
      { numRuns: Math.max(200, METHODS.length * 3), seed: SEED + 1, endOnFailure: true },
    );
  }, 60_000);
});

describe('first-start setup', () => {
  it('auth.setup on a back end without sign-in is refused and writes nothing', async () => {
    const b = tempBackend();
    try {
      const r = await b.backend.dispatch('auth.setup', { username: 'admin', displayName: '管理者', password: 'correct horse 1' });
      expect(r.ok).toBe(false);
      expect(b.backend.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
    } finally {
      b.cleanup();
    }
  });
});

// What the crash worker (crashWorker.ts) writes and the crash test (test/integration/crashSafety.test.ts) checks:
// shared names, kept apart from the worker because the worker starts reading stdin when imported.

/** People per roster batch: after any kill, a batch has 0 or BATCH people. */
export const BATCH = 12;
/** The month end every batch's caseload import writes (single caseload edits use January–April). */
export const BATCH_MONTH_END = '2024-06-30';

export const batchTag = (run: number, k: number) => `R${run}B${k}`;
export const rosterFileName = (tag: string) => `crash-${tag}.csv`;
export const caseloadFileName = (tag: string) => `crash-${tag}-caseload.csv`;

/** mulberry32: small and seeded, so a failing run can be replayed with the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Timing helpers: warm-up runs, then repetitions in the same process; the median is what the table shows.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` `warmup` times untimed, then `reps` times timed; `setup` (untimed) runs before each call. */
export async function timeIt<S>(
  fn: (s: S) => unknown | Promise<unknown>,
  opts: { reps: number; warmup: number; setup?: () => S | Promise<S>; teardown?: (s: S) => void | Promise<void> },
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < opts.warmup + opts.reps; i++) {
    const s = (await opts.setup?.()) as S;
    const t0 = performance.now();
    await fn(s);
    const ms = performance.now() - t0;
    await opts.teardown?.(s);
    if (i >= opts.warmup) out.push(ms);
  }
  return out;
}

/**
 * Ours and the floor alternately (ours, floor, floor, ours, …), so both see the same machine: on a shared 2-core box
 * another process's burst lands on both sides of the ratio instead of on one.
 */
export async function timePair(ours: () => unknown, floor: () => unknown, opts: { reps: number; warmup: number }): Promise<{ ours: number[]; floor: number[] }> {
  const out = { ours: [] as number[], floor: [] as number[] };
  const once = async (fn: () => unknown) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  for (let i = 0; i < opts.warmup + opts.reps; i++) {
    const order = i % 2 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
    for (const side of order) {
      const ms = await once(side === 'ours' ? ours : floor);
      if (i >= opts.warmup) out[side].push(ms);
    }
  }
  return out;
}

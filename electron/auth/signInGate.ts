// Sign-in attempts are expensive on purpose (scrypt, 32 MiB each). The gate keeps that cost from becoming a denial
// of service: at most two hashes at once (the thread pool keeps room for file work), a short queue, and at most ten
// attempts a minute per username — more are refused at once, before any hashing.
import { AppError } from '../../shared/api/errors';

export interface GateLimits {
  concurrent: number;
  queue: number;
  perName: number;
  windowMs: number;
}

const DEFAULTS: GateLimits = { concurrent: 2, queue: 8, perName: 10, windowMs: 60_000 };
const busy = () => new AppError('UNAVAILABLE', '登入嘗試過於頻繁，請稍候一分鐘再試');

export class SignInGate {
  private running = 0;
  private waiting: (() => void)[] = [];
  private recent = new Map<string, number[]>();

  constructor(
    private limits: GateLimits = DEFAULTS,
    private now: () => number = Date.now,
  ) {}

  async run<T>(name: string, attempt: () => Promise<T>): Promise<T> {
    this.count(name.trim().toLowerCase());
    if (this.running >= this.limits.concurrent) {
      if (this.waiting.length >= this.limits.queue) throw busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve)); // the finishing attempt hands its slot over
    } else this.running++;
    try {
      return await attempt();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private count(key: string): void {
    const t = this.now();
    const times = (this.recent.get(key) ?? []).filter((x) => t - x < this.limits.windowMs);
    if (times.length >= this.limits.perName) throw busy();
    times.push(t);
    this.recent.set(key, times);
    if (this.recent.size > 1000) for (const [k, v] of this.recent) if (v.every((x) => t - x >= this.limits.windowMs)) this.recent.delete(k);
  }
}

// Signed-in sessions, kept in memory only: a restart signs everyone out. A session idle longer than the office's
// setting expires (auto-lock), and the renderer is then asked to sign in again.
import crypto from 'node:crypto';
import type { AccountRole } from '../../shared/api/access';

export interface Session {
  token: string;
  accountId: number;
  username: string;
  displayName: string;
  role: AccountRole;
  lastSeen: number;
}

export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    private idleMinutes: () => number,
    private now: () => number = Date.now,
  ) {}

  create(account: Omit<Session, 'token' | 'lastSeen'>): Session {
    const session = { ...account, token: crypto.randomBytes(32).toString('hex'), lastSeen: this.now() };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, refreshed; null when unknown or idle too long. */
  use(token: string | undefined): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (this.now() - s.lastSeen > this.idleMinutes() * 60_000) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = this.now();
    return s;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** After an account is disabled, its role or password changes, its open sessions must not keep the old rights;
   * `keep` spares the session that made the change (a user changing their own password stays signed in there). */
  endAccount(accountId: number, keep?: string): void {
    for (const [t, s] of this.sessions) if (s.accountId === accountId && t !== keep) this.sessions.delete(t);
  }

  /** A restore replaces the accounts themselves: nobody stays signed in. */
  endAll(): void {
    this.sessions.clear();
  }

  /** The session behind a token without refreshing it (for logging who a call came from). */
  peek(token: string | undefined): Session | null {
    return (token && this.sessions.get(token)) || null;
  }
}

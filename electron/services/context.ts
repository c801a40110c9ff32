import type { Db } from '../db/connection';

/** What every service handler receives besides its validated input. */
export interface ServiceContext {
  db: Db;
  /** today's date as the back end sees it (fixed in tests) */
  today: () => string;
}

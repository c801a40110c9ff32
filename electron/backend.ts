// One back end = one database connection + the dispatcher over it. Every shell opens exactly one.
import { todayIso } from '../shared/dates/roc';
import { createDispatcher, type Dispatch } from './api';
import { openDatabase, type Db } from './db/connection';

export interface Backend {
  db: Db;
  dispatch: Dispatch;
  close: () => void;
}

export function openBackend(dbPath: string, options: { today?: () => string } = {}): Backend {
  const db = openDatabase(dbPath);
  const dispatch = createDispatcher({ db, today: options.today ?? (() => todayIso()) });
  return { db, dispatch, close: () => db.close() };
}

// The calls a page makes as it opens, by route: what the boot module and a fresh sign-in start early (see early.ts).
// Each entry must be exactly what the page's store sends, or the early answer is simply never taken.
import { todayIso } from '../../shared/dates/roc';

export type FirstCall = readonly [method: string, input: unknown];

/** For a location hash (`#/roster`, `#/`, ''): the first calls of the page it opens; none for pages not listed. */
export function firstCallsFor(hash: string): FirstCall[] {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  switch (path) {
    case '/roster': // RosterPage: roster.load() as of today, roles.load()
      return [['roster.at', { date: todayIso() }], ['roles.list', {}]];
    case '/': // HomePage: dashboard.load() (home first; trend needs its answer), roles.load()
      return [['dashboard.home', {}], ['roles.list', {}]];
    default:
      return [];
  }
}

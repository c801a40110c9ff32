import { describe, expect, it } from 'vitest';
import { replaceChangesNothing } from '../../../renderer/hashHistory';

// The state vue-router 4 writes into the first history entry as it starts (useHistoryStateNavigation).
const started = { back: null, current: '/roster', forward: null, position: 1, replaced: true, scroll: null };

describe('hash history: the first navigation’s second write of the same entry', () => {
  it('is skipped when URL and state would stay as the router has just written them', () => {
    expect(replaceChangesNothing('/roster', started, '/roster', { scroll: null })).toBe(true);
    expect(replaceChangesNothing('/roster', started, '/roster', undefined)).toBe(true);
  });

  it('goes through when anything would change: another path, a redirect, a scroll to keep, extra data', () => {
    expect(replaceChangesNothing('/', { ...started, current: '/' }, '/roster', { scroll: null })).toBe(false); // a redirect
    expect(replaceChangesNothing('/roster', started, '/people/1', { scroll: null })).toBe(false);
    expect(replaceChangesNothing('/roster', started, '/roster', { scroll: { left: 0, top: 120 } })).toBe(false);
    expect(replaceChangesNothing('/roster', started, '/roster', { scroll: null, from: 'x' })).toBe(false);
  });

  it('goes through when the entry holds no state of the router’s, or one a push left (replaced: false)', () => {
    expect(replaceChangesNothing('/roster', null, '/roster', { scroll: null })).toBe(false);
    expect(replaceChangesNothing('/roster', { ...started, replaced: false }, '/roster', { scroll: null })).toBe(false);
  });
});

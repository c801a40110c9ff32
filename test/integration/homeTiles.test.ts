// Issue #15 item 6: tiles never contradict their own words, and an empty office is not green.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { ok, tempBackend, type TempBackend } from './helpers';

describe('home tiles say why', () => {
  let t: TempBackend;
  afterEach(() => t.cleanup());

  it('an empty office shows grey, not a green 達標', async () => {
    t = tempBackend('2024-12-01');
    const home = await ok(t.backend, 'dashboard.home', { today: '2024-12-01' });
    for (const tile of home.tiles) expect(tile.tone, tile.key).not.toBe('green');
    expect(home.tiles.find((x) => x.key === 'supervision')!.detail).toBe('目前沒有在職個管');
  });

  it('an amber 督導比 names the reason beside 符合', async () => {
    t = tempBackend('2024-12-01');
    createDemoOffice(t.backend.db);
    const sup = (await ok(t.backend, 'dashboard.home', { today: '2024-12-01' })).tiles.find((x) => x.key === 'supervision')!;
    expect(sup.tone).toBe('amber');
    expect(sup.detail).toMatch(/不低於 6.5 : 1.*；督導 江孟儒 帶領 8 人，超過 7 人/);
  });
});

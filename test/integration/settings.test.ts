// The office profile and lists (issue: home dashboard, settings): defaults, saved as a whole, used by the forms.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { ok, tempBackend, type TempBackend } from './helpers';

let t: TempBackend;
afterEach(() => t?.cleanup());

describe('office settings', () => {
  it('start with the plan’s four 業務組 and an empty profile, and save as a whole', async () => {
    t = tempBackend();
    const s = await ok(t.backend, 'settings.get', {});
    expect(s.lists.businessGroups).toEqual(['預防宣導組', '保護扶助組', '醫療服務組', '綜合規劃組']);
    expect(s.office.county).toBe('');
    const next = { office: { county: '示範縣', centre: '示範縣毒品危害防制中心', unit: '心理健康科', contact: '王承辦' }, lists: { businessGroups: [...s.lists.businessGroups, '社區服務組'], adminUnits: ['衛生局'] } };
    await ok(t.backend, 'settings.save', next);
    expect(await ok(t.backend, 'settings.get', {})).toEqual(next);
  });

  it('the county of the profile fills the 附件七 form when the export does not name one', async () => {
    t = tempBackend();
    createDemoOffice(t.backend.db);
    const before = await ok(t.backend, 'exports.check', { rocYear: 113, half: 2 });
    expect(JSON.stringify(before)).toContain('未填縣市名稱');
    const s = await ok(t.backend, 'settings.get', {});
    await ok(t.backend, 'settings.save', { ...s, office: { ...s.office, county: '示範縣' } });
    const after = await ok(t.backend, 'exports.check', { rocYear: 113, half: 2 });
    expect(JSON.stringify(after)).not.toContain('未填縣市名稱');
  });
});

// Issue #15 item 8: input that used to be accepted wrong is refused with what is wrong, at the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { fails, ok, tempBackend, upload, type TempBackend } from './helpers';

const PARAMS = { ratio: 7, ratioFloor: 6.5, seniorDivisor: 5, pmFactor: 0.05, caseCapacity: 30, retentionMonthsShort: 12, retentionMonthsLong: 18, targetShort: 0.8, targetLong: 0.7, midRefMonthDay: '06-30', endRefMonthDay: '12-31' };

describe('input checks at the field', () => {
  let t: TempBackend;
  let personId: number;
  beforeAll(async () => {
    t = tempBackend('2024-12-31');
    createDemoOffice(t.backend.db);
    personId = (await ok(t.backend, 'people.list', {}))[0]!.id;
  });
  afterAll(() => t.cleanup());

  it('a negative caseload is refused, not saved as 0', async () => {
    const e = await fails(t.backend, 'caseload.record', { personId, monthEnd: '2024-11-30', cumulative: -3, active: 0 });
    expect(e.field).toBe('cumulative');
    expect(e.message).toBe('「累計個管案量」：不可為負數');
  });

  it('在案 above 累計 is refused at 在案案量, by hand and in an import', async () => {
    const e = await fails(t.backend, 'caseload.record', { personId, monthEnd: '2024-11-30', cumulative: 5, active: 12 });
    expect(e.field).toBe('active');
    expect(e.message).toContain('在案案量（12）不可大於累計個管案量（5）');
    const people = await ok(t.backend, 'people.list', {});
    const csv = `姓名,身分證字號,月底日期,累計個管案量,在案案量\n${people[0].name},,113/11/30,5,12\n`;
    const preview = await ok(t.backend, 'import.caseload.preview', upload('c.csv', csv));
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ row: 2, field: '在案案量' });
    expect(preview.errors[0].message).toContain('不可大於累計個管案量');
  });

  it('a quota total below its funded posts is refused at 核定員額', async () => {
    const e = await fails(t.backend, 'planYears.save', { rocYear: 114, params: PARAMS, quota: { approvedTotal: 10, fundedCM: 9, fundedSCM: 2, fundedSUP: 2, fundedPM: 1 } });
    expect(e.field).toBe('quota.approvedTotal');
    expect(e.message).toBe('核定員額（10）少於補助個管、資深個管、督導之合計（13）');
    await ok(t.backend, 'planYears.save', { rocYear: 114, params: PARAMS, quota: { approvedTotal: 13, fundedCM: 9, fundedSCM: 2, fundedSUP: 2, fundedPM: 1 } });
  });

  it('more people in post than approved is a finding (進用率 above 100 %), not a failure', async () => {
    await ok(t.backend, 'planYears.save', { rocYear: 113, params: PARAMS, quota: { approvedTotal: 5, fundedCM: 3, fundedSCM: 1, fundedSUP: 1, fundedPM: 1 } });
    const h = await ok(t.backend, 'headcount.year', { rocYear: 113 });
    expect(h.totals.hiringRate).toBeGreaterThan(1);
    expect(h.overApprovedTotal).toBe(true);
  });
});

// Issue #15 item 1: history in words — what a clerk reads in 異動紀錄 and 操作紀錄.
import { describe, expect, it } from 'vitest';
import { describeActor, describeChange, type AuditNames } from '../../../renderer/auditFormat';

const names: AuditNames = {
  roleName: (c) => ({ CM: '個管', SCM: '資深個管' })[c] ?? c,
  personName: (id) => ({ 3: '黃淑芬' })[id],
  accountName: (u) => ({ clerk: '承辦乙' })[u],
};

describe('audit rows in words', () => {
  it('an inserted period: Chinese field names, 職稱 by name, ROC dates, no ids or timestamps', () => {
    const text = describeChange({ actor: 'clerk', detail: null, personName: '陳雅婷', before: null, after: { id: 7, person_id: 1, role_code: 'CM', start_date: '2021-09-01', created_at: '2026-12-01T22:12:51Z' } }, names);
    expect(text).toBe('職稱：個管；起日：110/09/01');
  });

  it('an update lists only what changed, before → after, with the national ID masked', () => {
    const text = describeChange({ actor: 'clerk', detail: null, before: { role_code: 'CM', national_id: 'A123456789', note: 'x' }, after: { role_code: 'SCM', national_id: 'A223456789', note: 'x' } }, names);
    expect(text).toBe('職稱：個管 → 資深個管；身分證字號：A12****789 → A22****789');
    expect(text).not.toContain('456');
  });

  it('people referred to by id are named; unnamed references are left out', () => {
    expect(describeChange({ actor: 'e2e', detail: null, before: null, after: { name: '實習生丁', school_id: 2, supervisor_id: 3 } }, names)).toBe('姓名：實習生丁；督導：黃淑芬');
  });

  it('the actor by display name; the command line by what it is', () => {
    expect(describeActor('clerk', names)).toBe('承辦乙');
    expect(describeActor('cli:kevin', names)).toBe('命令列（kevin）');
  });
});

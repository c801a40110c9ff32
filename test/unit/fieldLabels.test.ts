// Issue #15 item 4: every field a method takes has its Chinese name, and a refused value reads in Chinese.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/api/contract';
import { fieldLabel, pathLabel } from '../../shared/api/fieldLabels';
import { createDispatcher } from '../../electron/api';

/** Every object key anywhere in a schema (through optional, nullable, arrays, unions, pipes, defaults). */
function fieldNames(schema: z.ZodType, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const walk = (s: unknown) => s && fieldNames(s as z.ZodType, into);
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      into.add(k);
      walk(v);
    }
  }
  for (const key of ['innerType', 'element', 'in', 'out', 'left', 'right', 'valueType']) walk(def[key]);
  for (const o of (def.options as unknown[] | undefined) ?? []) walk(o);
  return into;
}

describe('field labels', () => {
  it('every input field of every method has a Chinese label', () => {
    const missing = new Set<string>();
    for (const m of Object.values(contract)) for (const f of fieldNames(m.input)) if (!fieldLabel(f)) missing.add(f);
    expect([...missing]).toEqual([]);
  });

  it('database columns read through the same map', () => {
    expect(fieldLabel('role_code')).toBe('職稱');
    expect(fieldLabel('national_id')).toBe('身分證字號');
    expect(fieldLabel('start_date')).toBe('起日');
  });

  it('a nested path reads as words, rows counted from 1', () => {
    expect(pathLabel(['volunteer', 'name'])).toBe('姓名');
    expect(pathLabel(['attendees', 2, 'hours'])).toBe('第 3 筆的時數');
  });

  it('the dispatcher names the field in Chinese and the message is plain Chinese', async () => {
    const dispatch = createDispatcher({} as never);
    const params = { ratio: 7, ratioFloor: 6.5, seniorDivisor: 5, pmFactor: 0.05, caseCapacity: 30, retentionMonthsShort: 12, retentionMonthsLong: 18, targetShort: 0.8, targetLong: 0.7, midRefMonthDay: '06-30', endRefMonthDay: '12-31' };
    const r = await dispatch('planYears.save', { rocYear: 114, params, quota: { approvedTotal: -1, fundedCM: 0, fundedSCM: 0, fundedSUP: 0, fundedPM: 0 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('「核定員額」：不可為負數');
    expect(r.error.field).toBe('quota.approvedTotal');
    expect(r.error.message).not.toMatch(/[a-z]{4,}/);
  });
});

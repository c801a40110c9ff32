// The per-year tables (quotas, indicator_inputs) read and upsert through one helper: a row saved comes back field
// for field, saving the same year again replaces it, and another year stays unset.
import { afterEach, describe, expect, it } from 'vitest';
import { getInputs, saveInputs } from '../../electron/db/queries/orgChart';
import { getQuota, savePlanYear, saveQuota } from '../../electron/db/queries/planYears';
import { DEFAULT_PLAN_PARAMS } from '../../shared/domain/planParams';
import { tempBackend, type TempBackend } from './helpers';

let t: TempBackend;
afterEach(() => t.cleanup());

describe('one row per plan year', () => {
  it('quotas: saved, read back, replaced; another year is null', () => {
    t = tempBackend();
    const db = t.backend.db;
    savePlanYear(db, 114, DEFAULT_PLAN_PARAMS); // a quota belongs to a saved plan year
    const q = { approvedTotal: 20, fundedCM: 14, fundedSCM: 2, fundedSUP: 3, fundedPM: 1 };
    saveQuota(db, 114, q);
    expect(getQuota(db, 114)).toEqual(q);
    saveQuota(db, 114, { ...q, fundedCM: 15 });
    expect(getQuota(db, 114)).toEqual({ ...q, fundedCM: 15 });
    expect(db.prepare('SELECT count(*) AS n FROM quotas WHERE roc_year = 114').get()).toEqual({ n: 1 });
    expect(getQuota(db, 115)).toBeNull();
  });

  it('indicator inputs keep nulls apart from numbers', () => {
    t = tempBackend();
    const db = t.backend.db;
    const i = { meetingsHeld: 4, meetingsChaired: null, centralSubsidy: 1_200_000, selfFunded: 300_000, minSelfRatio: 20 };
    saveInputs(db, 113, i);
    expect(getInputs(db, 113)).toEqual(i);
    expect(db.prepare('SELECT meetings_chaired, min_self_ratio FROM indicator_inputs WHERE roc_year = 113').get()).toEqual({ meetings_chaired: null, min_self_ratio: 20 });
    expect(getInputs(db, 112)).toBeNull();
  });
});

// The training figures the export forms need (electron/services/exportTraining.ts TrainingSource), read from the
// same computations as the training and volunteer pages, so a form cell can never disagree with the screen.
import type { Ratio } from '../../shared/domain/indicators';
import type { TrainingRates } from '../../shared/domain/headcountForm';
import type { Db } from '../db/connection';
import type { TrainingSource } from './exportTraining';
import { trainingYear } from './trainingStaff';
import { volunteerYear } from './volunteers';

export const trainingSource: TrainingSource = {
  volunteerCE: (db: Db, rocYear: number, refDate: string): Ratio | null => {
    const v = volunteerYear(db, rocYear, refDate);
    return v.total ? { count: v.covered, total: v.total } : null;
  },
  /** Level I = L1 done; Level II = the second level of each person's role (個管 L2, 督導 督導L2). 見習率 is not kept. */
  staffRates: (db: Db, rocYear: number, refDate: string) => {
    const people = trainingYear(db, rocYear, refDate).people;
    const rates = (list: typeof people): TrainingRates | undefined =>
      list.length
        ? {
            levelOne: { count: list.filter((p) => p.levels.L1?.ok).length, total: list.length },
            levelTwo: { count: list.filter((p) => p.levels.L2?.ok || p.levels.SUP_L2?.ok).length, total: list.length },
            internship: null,
          }
        : undefined;
    return {
      cm: rates(people.filter((p) => p.kind === 'case_manager')),
      sup: rates(people.filter((p) => p.kind === 'supervisor')),
      total: rates(people),
    };
  },
};

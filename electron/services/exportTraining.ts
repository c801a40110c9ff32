// Where the forms get training and volunteer figures (志工繼續教育涵蓋率, Level I/II 參訓率, 見習率). They belong to the
// training work (issue 4), which implements this interface in trainingSource.ts from its own computations; the
// exports never recompute them. A source answering null leaves the cells blank and the data-quality check says why
// (`noTrainingData` is that case, for tests and for offices without training records).
import type { TrainingByLine } from '../../shared/domain/headcountForm';
import type { Ratio } from '../../shared/domain/indicators';
import type { Db } from '../db/connection';

export interface TrainingSource {
  /** volunteers with ≥ 4 hours of continuing education in the year ÷ volunteers that year (RULES §5) */
  volunteerCE: (db: Db, rocYear: number, refDate: string) => Ratio | null;
  /** Level I / Level II completion and 見習 shares by kind of funded post (seed 000) */
  staffRates: (db: Db, rocYear: number, refDate: string) => TrainingByLine | null;
}

export const noTrainingData: TrainingSource = {
  volunteerCE: () => null,
  staffRates: () => null,
};

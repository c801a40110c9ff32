// Contract of training, case reports, volunteers and interns (RULES §4, §5). Staff training is declared here; the
// volunteer and intern methods live in volunteers.ts and are joined into the one area below.
import { z } from 'zod';
import { empty, fileDownload, fileUpload, id, isoDate } from './schemas';
import {
  attendanceRow,
  caseReport,
  caseReportInput,
  attendee,
  course,
  courseDetail,
  courseInput,
  personTraining,
  rocYear,
  trainingImportPreview,
  trainingParams,
  trainingYear,
} from './trainingSchemas';
import { volunteerHonoursApi } from './volunteerHonours';
import { internsApi, volunteersApi } from './volunteers';

const saved = z.object({ saved: z.literal(true) });
const deleted = z.object({ deleted: z.literal(true) });

// template / preview (writes nothing) / commit (all rows or none) for each import, like the roster's.
const tpl = { access: 'read' as const, input: empty, output: fileDownload };
const preview = { access: 'read' as const, input: fileUpload, output: trainingImportPreview };
const check = { input: fileUpload, output: trainingImportPreview };

export const staffTrainingApi = {
  'training.params.get': { access: 'read', input: z.object({ rocYear }), output: z.object({ rocYear, params: trainingParams, sourceYear: rocYear.nullable() }) },
  'training.params.save': { input: z.object({ rocYear, params: trainingParams }), output: saved },
  /** Every 個管/督導 in post on the evaluation date (the year's end once it is over, else `date` or today). */
  'training.year': { access: 'read', input: z.object({ rocYear, date: isoDate.optional() }), output: trainingYear },
  'training.person': {
    access: 'read',
    input: z.object({ personId: id, rocYear }),
    output: z.object({
      personId: id,
      name: z.string(),
      year: personTraining.nullable(),
      attendance: z.array(attendanceRow),
      caseReports: z.array(caseReport),
    }),
  },
  'training.courses.list': { access: 'read', input: z.object({ rocYear }), output: z.array(course) },
  'training.courses.get': { access: 'read', input: z.object({ id }), output: courseDetail },
  /** Saves the course and replaces its attendee list with the ticked people. */
  'training.courses.save': { input: z.object({ id: id.nullable(), course: courseInput, attendees: z.array(attendee) }), output: courseDetail },
  'training.courses.delete': { input: z.object({ id }), output: deleted },
  'caseReports.list': { access: 'read', input: z.object({ rocYear }), output: z.array(caseReport) },
  'caseReports.save': { input: z.object({ id: id.nullable(), report: caseReportInput }), output: caseReport },
  'caseReports.delete': { input: z.object({ id }), output: deleted },
  'import.training.template': tpl,
  'import.training.preview': preview,
  'import.training.commit': check,
  'import.caseReports.template': tpl,
  'import.caseReports.preview': preview,
  'import.caseReports.commit': check,
  'import.volunteers.template': tpl,
  'import.volunteers.preview': preview,
  'import.volunteers.commit': check,
  'import.volunteerHours.template': tpl,
  'import.volunteerHours.preview': preview,
  'import.volunteerHours.commit': check,
} as const;

export const trainingApi = { ...staffTrainingApi, ...volunteersApi, ...volunteerHonoursApi, ...internsApi } as const;

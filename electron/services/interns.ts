// Partner schools and their interns, and the yearly summary for the 期中/期末 report.
import type { Output } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { rocYear } from '../../shared/dates/roc';
import { computeInternYear } from '../../shared/domain/interns';
import type { Db } from '../db/connection';
import * as internQ from '../db/queries/interns';
import * as peopleQ from '../db/queries/people';
import { uniqueGuard } from './trainingStaff';
import type { HandlerTable } from './handlerTable';

export function internYear(db: Db, rocYear: number): Output<'interns.year'> {
  return computeInternYear(internQ.listSchools(db), internQ.listInterns(db), rocYear);
}

export const internHandlers = {
  'interns.schools.list': (_, { db }) => internQ.listSchools(db),

  'interns.schools.save': ({ id, school }, { db }) => {
    if (id && !internQ.listSchools(db).some((s) => s.id === id)) throw new AppError('NOT_FOUND', '找不到這個合作單位');
    const saved = uniqueGuard(() => internQ.saveSchool(db, id, school), '已有同名的學校與科系');
    return internQ.listSchools(db).find((s) => s.id === saved)!;
  },

  'interns.schools.delete': ({ id }, { db }) => {
    const s = internQ.listSchools(db).find((x) => x.id === id);
    if (!s) throw new AppError('NOT_FOUND', '找不到這個合作單位');
    if (s.interns) throw new AppError('CONFLICT', `這個合作單位還有 ${s.interns} 位實(見)習學生，請先刪除或改到其他單位`);
    internQ.deleteSchool(db, id);
    return { deleted: true as const };
  },

  'interns.save': ({ id, intern }, { db }) => {
    if (id && !internQ.getIntern(db, id)) throw new AppError('NOT_FOUND', '找不到這位實(見)習學生');
    if (intern.endDate < intern.startDate) throw new AppError('VALIDATION', '結束日早於開始日', 'endDate');
    if (!internQ.listSchools(db).some((s) => s.id === intern.schoolId)) throw new AppError('NOT_FOUND', '找不到這個合作單位', 'schoolId');
    if (intern.supervisorId && !peopleQ.getPerson(db, intern.supervisorId)) throw new AppError('NOT_FOUND', '找不到督導人員', 'supervisorId');
    const saved = internQ.saveIntern(db, id, intern);
    const year = rocYear(intern.startDate);
    return internYear(db, year).interns.find((i) => i.id === saved)!;
  },

  'interns.delete': ({ id }, { db }) => {
    if (!internQ.deleteIntern(db, id)) throw new AppError('NOT_FOUND', '找不到這位實(見)習學生');
    return { deleted: true as const };
  },

  'interns.year': ({ rocYear }, { db }) => internYear(db, rocYear),
} satisfies HandlerTable;

// How an imported row finds its person: 身分證字號, else 員工編號, else 姓名 (only when that name is unique).
import type { Person } from '../../shared/domain/types';
import type { Db } from '../db/connection';
import * as peopleQ from '../db/queries/people';

export function matchPerson(db: Db, p: { name: string; nationalId: string | null; employeeNo?: string | null }): { person: Person | null; issue?: string } {
  if (p.nationalId) {
    const byId = peopleQ.findPersonByNationalId(db, p.nationalId);
    if (byId) return { person: byId };
  }
  if (p.employeeNo) {
    const byNo = peopleQ.findPeopleByEmployeeNo(db, p.employeeNo);
    if (byNo.length === 1) return { person: byNo[0] };
  }
  const byName = peopleQ.findPeopleByName(db, p.name).filter((x) => !p.nationalId || !x.nationalId);
  if (byName.length > 1) return { person: null, issue: `已有 ${byName.length} 位名為「${p.name}」的人員，請填身分證字號或員工編號以辨別` };
  return { person: byName[0] ?? null };
}

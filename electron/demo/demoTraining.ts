// Synthetic training, case reports, volunteers and interns for the demo office (113–115年). Written out by hand with a
// few deliberate gaps so every status shows: an L2 topic missed, L3 half an hour short, no case report, a volunteer
// who joins in December, an intern without a supervisor.
import { addDays } from '../../shared/dates/roc';
import { L2_TOPICS, SUP_L2_TOPICS, type TrainingLevel } from '../../shared/domain/trainingParams';
import type { Db } from '../db/connection';
import * as internQ from '../db/queries/interns';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import * as trainingQ from '../db/queries/training';
import * as volQ from '../db/queries/volunteers';
import { seedVolunteerHonours } from './demoVolunteerHonours';

const MOHW = '衛生福利部';
/** 核定公文日期及文號 as a certificate prints it (synthetic numbers). */
const doc = (n: number) => `${n}年2月15日衛部心字第 ${n}1760${n - 100}3 號`;

/** People who skip a course of a level, or attend it only partly: the gaps the demo shows. */
const SKIP: Record<string, { level: TrainingLevel; topic?: string; year?: number; courseHours?: number; hours: number }[]> = {
  鄭宇軒: [{ level: 'L2', topic: '藥癮個案輔導技巧', hours: 0 }, { level: 'L2', topic: '壓力調適', hours: 0 }],
  謝佳穎: [{ level: 'L1', hours: 20 }],
  黃淑芬: [{ level: 'SUP_L2', topic: '風險管理及危機處理', hours: 0 }],
  許雅雯: [{ level: 'L3', year: 2024, courseHours: 2.5, hours: 2 }],
  楊承翰: [{ level: 'L3', year: 2025, hours: 0 }],
};

interface CourseSpec {
  name: string;
  heldOn: string;
  level: TrainingLevel;
  hours: number;
  topic?: string;
  provider?: string;
  approved?: number;
}

interface Staff {
  name: string;
  id: number;
  start: string;
  end: string;
  /** has been a 個管 (owes L2), and since when a 督導 */
  cm: boolean;
  supSince: string | null;
}

function loadStaff(db: Db): Staff[] {
  const periods = periodsQ.listPeriods(db);
  return peopleQ.listPeople(db).flatMap((p) => {
    const mine = periods.filter((x) => x.personId === p.id && ['CM', 'SCM', 'SUP'].includes(x.roleCode));
    if (!mine.length) return [];
    const supSince = mine.find((x) => x.roleCode === 'SUP')?.startDate ?? null;
    return [{ name: p.name, id: p.id, start: mine[0].startDate, end: mine[mine.length - 1].endDate ?? '9999-12-31', cm: mine.some((x) => x.roleCode !== 'SUP'), supSince }];
  });
}

function seedStaffTraining(db: Db): void {
  const staff = loadStaff(db);
  const ids = new Map<string, number>();
  // A course is written only when somebody attends it, so no year lists empty courses.
  const attend = (c: CourseSpec, w: Staff) => {
    const year = Number(c.heldOn.slice(0, 4));
    const skip = SKIP[w.name]?.find((s) => s.level === c.level && (!s.topic || s.topic === c.topic) && (!s.year || s.year === year) && (!s.courseHours || s.courseHours === c.hours));
    const hours = skip ? skip.hours : c.hours;
    if (hours <= 0) return;
    const key = `${c.name}|${c.heldOn}`;
    let courseId = ids.get(key);
    if (!courseId) {
      const { approved, ...rest } = c;
      courseId = trainingQ.insertCourse(db, { provider: MOHW, topic: null, note: null, ...rest, approvalDoc: approved ? doc(approved) : null });
      ids.set(key, courseId);
    }
    trainingQ.upsertAttendance(db, { courseId, personId: w.id, hours, certificateNo: c.level === 'L3' ? `研字第 ${courseId}-${w.id} 號` : null });
  };
  const inPost = (w: Staff, d: string) => w.start <= d && w.end >= d;
  for (let year = 2019; year <= 2026; year++) {
    const roc = year - 1911;
    // Level 1, Level 2 and the 督導 levels are taught once a year; a newcomer attends the first run after starting.
    const firstRun = (from: string | null, on: string) => !!from && from <= on && (year === 2019 || from > `${year - 1}-${on.slice(5)}`);
    for (const w of staff) {
      if (firstRun(w.start, `${year}-10-14`)) attend({ name: `${roc}年 Level 1 新進人員訓練`, heldOn: `${year}-10-14`, level: 'L1', hours: 28 }, w);
      if (w.cm && firstRun(w.start, `${year}-11-04`)) {
        L2_TOPICS.forEach((t, i) => attend({ name: `${roc}年 Level 2：${t.name}`, heldOn: addDays(`${year}-11-04`, i), level: 'L2', hours: t.hours, topic: t.name }, w));
      }
      if (firstRun(w.supSince, `${year}-08-12`)) attend({ name: `${roc}年 督導 Level 1 訓練`, heldOn: `${year}-08-12`, level: 'SUP_L1', hours: 12 }, w);
      if (firstRun(w.supSince, `${year}-09-01`)) {
        SUP_L2_TOPICS.forEach((t, i) => attend({ name: `${roc}年 督導 Level 2：${t.name}`, heldOn: addDays(`${year}-09-01`, i), level: 'SUP_L2', hours: t.hours, topic: t.name }, w));
      }
    }
    if (year < 2024) continue;
    // From 113 on: certified Level 3 courses for 個管 in post (every fourth skips the last one), 督導 Level 3, case reports.
    const l3: CourseSpec[] = [
      { name: '進階動機式晤談', heldOn: `${year}-03-20`, level: 'L3', hours: 3, provider: '示範醫院成癮防治中心', approved: roc },
      { name: '藥癮個案心理輔導特論：創傷與女性個案', heldOn: `${year}-06-12`, level: 'L3', hours: 2.5, provider: '示範社會福利協會', approved: roc },
      { name: '家訪及家庭輔導', heldOn: `${year}-09-18`, level: 'L3', hours: 3, provider: '示範醫院成癮防治中心', approved: roc },
    ];
    if (year === 2026) l3.pop(); // 115 is still running
    l3.forEach((c, i) =>
      staff.filter((w) => (!w.supSince || w.supSince > c.heldOn) && inPost(w, c.heldOn)).forEach((w, k) => (i < 2 || k % 4 !== 3) && attend(c, w)),
    );
    const s3: CourseSpec = { name: `${roc}年 督導 Level 3：督導實務與倫理`, heldOn: `${year}-05-08`, level: 'SUP_L3', hours: 6 };
    staff.filter((w) => w.supSince && w.supSince <= s3.heldOn && inPost(w, s3.heldOn)).forEach((w) => attend(s3, w));
    staff.slice(0, 6).forEach((w) => inPost(w, `${year}-04-16`) && attend({ name: `${roc}年 性別主流化訓練`, heldOn: `${year}-04-16`, level: 'OTHER', hours: 2, provider: '衛生局' }, w));
    staff
      .filter((w) => !w.supSince && inPost(w, `${year}-10-30`) && w.start < `${year}-07-01`)
      .forEach((w, k) => {
        if (k % 5 === 4) return; // some do not present this year
        const on = `${year}-${String(4 + (k % 6)).padStart(2, '0')}-22`;
        if (on > '2026-10-31') return;
        trainingQ.saveCaseReport(db, null, { personId: w.id, presentedOn: on, title: `藥癮個案家庭支持介入案例 ${k + 1}`, meeting: `${roc}年第 ${1 + (k % 4)} 次外部督導會議` });
      });
  }
}

type VolSpec = [name: string, role: string, start: string, end: string | null, ceHours: [y113: number, y114: number, y115: number]];
const VOLUNTEERS: VolSpec[] = [
  ['柯美玲', '陪伴型志工', '2021-03-01', null, [6, 4, 2]],
  ['宋家齊', '陪伴型志工', '2022-05-01', null, [4, 4.5, 4]],
  ['羅淑惠', '行政志工', '2020-09-01', null, [8, 3.5, 1]],
  ['鍾承恩', '宣導志工', '2023-02-01', null, [4, 4, 0]],
  ['邱麗雲', '陪伴型志工', '2019-01-15', '2024-03-31', [1, 0, 0]],
  ['馬志遠', '宣導志工', '2022-11-01', null, [2.5, 6, 3]],
  ['高靜怡', '陪伴型志工', '2024-12-10', null, [0, 4, 4]],
  ['余冠霖', '行政志工', '2021-07-01', null, [5, 5, 5]],
  ['章雅君', '陪伴型志工', '2024-04-01', null, [4, 2, 1.5]],
  ['傅建志', '宣導志工', '2023-08-01', '2025-06-30', [4.5, 1, 0]],
  ['侯芳瑜', '陪伴型志工', '2025-03-01', null, [0, 4, 4.5]],
  ['沈博文', '行政志工', '2020-04-01', null, [4, 4, 2]],
];

function seedVolunteers(db: Db): void {
  VOLUNTEERS.forEach(([name, role, start, end, ce], i) => {
    const id = volQ.insertVolunteer(db, { name, nationalId: null, contact: null, basicTrainingOn: addDays(start, -30), specialTrainingOn: i % 3 === 2 ? null : addDays(start, -10) });
    volQ.savePeriod(db, null, { volunteerId: id, role, startDate: start, endDate: end });
    [2024, 2025, 2026].forEach((year, k) => {
      const serving = (d: string) => start <= d && (!end || end >= d);
      // continuing education in one or two sittings, service hours monthly while serving (to October in 115)
      const halves = ce[k] > 3 ? [ce[k] - 2, 2] : [ce[k]];
      halves.forEach((h, j) => {
        const on = serving(`${year}-0${3 + j * 5}-15`) ? `${year}-0${3 + j * 5}-15` : `${year}-12-20`;
        if (h > 0 && serving(on)) volQ.saveHour(db, null, { volunteerId: id, workedOn: on, kind: '繼續教育', hours: h, note: '志工繼續教育課程' });
      });
      for (let m = 1; m <= (year === 2026 ? 10 : 12); m++) {
        const on = `${year}-${String(m).padStart(2, '0')}-${m === 12 ? 15 : 10}`;
        if (serving(on)) volQ.saveHour(db, null, { volunteerId: id, workedOn: on, kind: '服務', hours: 4 + ((i + m) % 4) * 1.5, note: null });
      }
      if (year < 2026 && serving(`${year}-12-01`)) volQ.saveEvaluation(db, { volunteerId: id, rocYear: year - 1911, result: (i + k) % 5 === 0 ? '優良' : '通過', note: null });
    });
  });
}

function seedInterns(db: Db): void {
  const sup = (name: string) => peopleQ.findPeopleByName(db, name)[0]?.id ?? null;
  const a = internQ.saveSchool(db, null, { name: '示範大學', department: '社會工作學系', cooperation: '簽訂實習合作協議，暑期機構實習' });
  const b = internQ.saveSchool(db, null, { name: '範例科技大學', department: '心理學系', cooperation: '課程見習' });
  const rows: [number, string, '實習' | '見習', string, string, number, string | null, string | null][] = [
    [a, '實習生甲', '實習', '2024-07-01', '2024-08-23', 320, '江孟儒', '個案訪視陪同、個案紀錄撰寫、網絡會議觀察'],
    [a, '實習生乙', '實習', '2024-07-01', '2024-08-23', 320, '黃淑芬', '個案訪視陪同、資源盤點、團體帶領協助'],
    [a, '實習生丙', '實習', '2024-07-08', '2024-08-30', 300, '江孟儒', '電話關懷、個案紀錄撰寫'],
    [b, '見習生甲', '見習', '2024-10-14', '2024-10-18', 40, '黃淑芬', '中心業務介紹、個案研討旁聽'],
    [b, '見習生乙', '見習', '2024-10-14', '2024-10-18', 40, '黃淑芬', '中心業務介紹、個案研討旁聽'],
    [a, '實習生丁', '實習', '2025-07-01', '2025-08-22', 320, '黃淑芬', '個案訪視陪同、家庭訪視、網絡會議'],
    [a, '實習生戊', '實習', '2025-07-01', '2025-08-22', 320, '江孟儒', '個案紀錄撰寫、宣導活動協助'],
    [b, '見習生丙', '見習', '2025-10-13', '2025-10-17', 40, null, '中心業務介紹'],
    [b, '見習生丁', '見習', '2025-10-13', '2025-10-16', 32.5, '黃淑芬', '中心業務介紹、個案研討旁聽'],
  ];
  for (const [schoolId, name, kind, startDate, endDate, hours, supervisor, content] of rows) {
    internQ.saveIntern(db, null, { schoolId, name, kind, startDate, endDate, hours, supervisorId: supervisor ? sup(supervisor) : null, content });
  }
}

/** Called inside createDemoOffice's transaction, after the roster exists. */
export function seedTraining(db: Db): void {
  seedStaffTraining(db);
  seedVolunteers(db);
  seedVolunteerHonours(db);
  seedInterns(db);
}

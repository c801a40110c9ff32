// The demo office's 志願服務法 records (issue 19), laid over the volunteers of demoTraining.ts so each case shows on
// 115/12/01: a first card due, a renewal due whose old application's hours are not reused, a card expiring within 90
// days, special training that came after the basic one, hours short, a missing training date, someone who left, and a
// 銅牌 to apply for. Hours before 113 are added here; the coverage figures (113 onwards) are untouched. Synthetic names.
import type { Db } from '../db/connection';
import * as honQ from '../db/queries/volunteerHonours';
import * as volQ from '../db/queries/volunteers';

/** Monthly 服務 hours on the 10th from `from` (YYYY-MM) to 2023-12, while the volunteer served. */
function history(db: Db, volunteerId: number, from: string, each: number): void {
  const periods = volQ.listPeriods(db, volunteerId);
  for (let [y, m] = from.split('-').map(Number); y < 2024; m === 12 ? (y++, (m = 1)) : m++) {
    const on = `${y}-${String(m).padStart(2, '0')}-10`;
    if (periods.some((p) => p.startDate <= on && (!p.endDate || p.endDate >= on))) volQ.saveHour(db, null, { volunteerId, workedOn: on, kind: '服務', hours: each, note: null });
  }
}

export function seedVolunteerHonours(db: Db): void {
  const byName = new Map(volQ.listVolunteers(db).map((v) => [v.name, v]));
  const id = (name: string) => byName.get(name)!.id;
  const setTraining = (name: string, basic: string, special: string) => {
    const v = byName.get(name)!;
    volQ.updateVolunteer(db, v.id, { ...v, basicTrainingOn: basic, specialTrainingOn: special });
  };
  let book = 0;
  for (const v of byName.values()) {
    if (v.name === '高靜怡' || v.name === '侯芳瑜') continue; // new this year: no record-book yet
    book++;
    honQ.setRecordBook(db, v.id, { recordBookNo: `示範志冊-${String(book).padStart(4, '0')}`, recordBookOn: v.basicTrainingOn });
  }

  // 柯美玲: first card due (years since 110/02/19, service hours over 300)
  history(db, id('柯美玲'), '2021-03', 8);
  // 羅淑惠: renewal due — card 111/09/01–114/09/01, whose application counted hours through 111/09/30
  setTraining('羅淑惠', '2020-08-02', '2020-08-20');
  history(db, id('羅淑惠'), '2020-09', 12);
  honQ.saveCard(db, null, { volunteerId: id('羅淑惠'), issuedOn: '2022-09-01', expiresOn: '2025-09-01', cardNo: '示範榮字第0001號', hoursThrough: '2022-09-30' });
  // 沈博文: card expiring 115/12/19 (renewal not yet: the 3 years run to the expiry), and 3,000 hours → 銅牌
  setTraining('沈博文', '2020-03-02', '2020-03-22');
  history(db, id('沈博文'), '2020-04', 70);
  honQ.saveCard(db, null, { volunteerId: id('沈博文'), issuedOn: '2023-12-20', expiresOn: '2026-12-19', cardNo: '示範榮字第0002號', hoursThrough: null });
  // 余冠霖: special training 113/02/20, long after the basic one: years count from then, and earlier hours do not
  setTraining('余冠霖', '2021-06-01', '2024-02-20');
  history(db, id('余冠霖'), '2021-07', 10);
  // 鍾承恩: a card issued this year, valid to 118
  history(db, id('鍾承恩'), '2023-02', 8);
  honQ.saveCard(db, null, { volunteerId: id('鍾承恩'), issuedOn: '2026-03-01', expiresOn: '2029-03-01', cardNo: '示範榮字第0003號', hoursThrough: '2026-01-31' });
  // 邱麗雲: left on 113/03/31 with enough years and hours — not on the list
  history(db, id('邱麗雲'), '2019-01', 8);
}

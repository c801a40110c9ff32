// Offices built for the export suites: 60 synthetic people (clearly not real names) for page counts, and helpers to
// run LibreOffice headless with a private profile so parallel suites never share its lock.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../electron/db/connection';
import * as caseQ from '../../electron/db/queries/caseloads';
import * as peopleQ from '../../electron/db/queries/people';
import * as periodsQ from '../../electron/db/queries/periods';
import * as planQ from '../../electron/db/queries/planYears';
import { DEFAULT_PLAN_PARAMS } from '../../shared/domain/planParams';

/** 52 個管, 5 督導, 1 專管 (補助) and 2 自有: 60 register rows at 113/12/31, every 個管/督導 with a 12月底 caseload. */
export function sixtyPeopleOffice(db: Db): string[] {
  const names: string[] = [];
  db.transaction(() => {
    planQ.savePlanYear(db, 113, { ...DEFAULT_PLAN_PARAMS });
    planQ.saveQuota(db, 113, { approvedTotal: 59, fundedCM: 46, fundedSCM: 6, fundedSUP: 7, fundedPM: 2 });
    for (let i = 1; i <= 60; i++) {
      const role = i <= 52 ? 'CM' : i <= 57 ? 'SUP' : i === 58 ? 'PM' : 'OWN';
      const name = `示範員${String(i).padStart(2, '0')}`;
      names.push(name);
      const personId = peopleQ.insertPerson(db, { name, nationalId: null, employeeNo: `S${i}`, education: '大學', department: '社會工作學系', certificate: null, contact: null });
      const start = `${2019 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
      periodsQ.insertPeriod(db, {
        personId,
        roleCode: role,
        funding: role === 'OWN' ? '自有' : '補助',
        businessGroup: role === 'OWN' ? '預防宣導組' : '綜合規劃組',
        adminUnit: '衛生局',
        title: role === 'OWN' ? '約聘人員' : null,
        startDate: start,
        endDate: null,
        endReason: null,
      });
      if (role === 'CM' || role === 'SUP') caseQ.upsertCaseload(db, { personId, monthEnd: '2024-12-31', cumulative: 20 + i, active: 10 + (i % 9) });
    }
  })();
  return names;
}

export const LIBREOFFICE = [process.env.SOFFICE_PATH, 'soffice', 'libreoffice', '/usr/bin/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];
export const LIBREOFFICE_HINT = 'sudo apt-get install libreoffice-calc libreoffice-writer（或設定 SOFFICE_PATH）';

/** Converts files with LibreOffice headless (one process, private profile); returns the output paths by input. */
export function sofficeConvert(soffice: string, filter: string, files: string[], outDir: string, ext: string): Record<string, string> {
  const profile = fs.mkdtempSync(path.join(outDir, 'lo-profile-'));
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 180_000 });
  return Object.fromEntries(files.map((f) => [f, path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${ext}`)]));
}

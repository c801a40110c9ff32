// Migration 011 rebuilds training_courses for sessions (issue 12): a database holding courses and attendance before
// it keeps every row and id, attendance still points at its course, and two sessions of one course on one date can
// then be stored.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../electron/db/migrate';

it('courses and attendance survive 011 with their ids; a second topic on the same date is then a second session', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-m9-'));
  const db = new Database(path.join(dir, 'm.db'));
  try {
    db.pragma('foreign_keys = ON');
    const all = loadMigrations();
    applyMigrations(db, all.filter((m) => m.version < 11));
    db.exec(`INSERT INTO people (id, name) VALUES (1, '範例甲'), (2, '範例乙');
      INSERT INTO training_courses (id, name, held_on, provider, level, topic, hours) VALUES (7, '第二級訓練', '2024-03-15', '衛生局', 'L2', '壓力調適', 2), (9, '研習', '2024-04-01', '', 'OTHER', NULL, 3);
      INSERT INTO training_attendance (id, course_id, person_id, hours) VALUES (3, 7, 1, 2), (4, 7, 2, 2), (5, 9, 1, 3);`);
    const before = db.prepare('SELECT * FROM training_attendance ORDER BY id').all();
    applyMigrations(db, all);
    expect(db.prepare('SELECT * FROM training_attendance ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id, topic FROM training_courses ORDER BY id').all()).toEqual([{ id: 7, topic: '壓力調適' }, { id: 9, topic: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.prepare("INSERT INTO training_courses (name, held_on, provider, level, topic, hours) VALUES ('第二級訓練', '2024-03-15', '衛生局', 'L2', '藥癮個案輔導技巧', 6)").run();
    expect(() => db.prepare("INSERT INTO training_courses (name, held_on, provider, level, topic, hours) VALUES ('研習', '2024-04-01', '', 'OTHER', NULL, 1)").run()).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM training_courses WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM training_attendance').get()).toEqual({ n: 1 }); // the cascade still holds
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

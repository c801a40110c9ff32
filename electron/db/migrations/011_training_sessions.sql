-- A course is taught in sessions, each with its own topic (Level 2's 12 topics are sessions of one course, often held
-- on one date): a session is keyed by 課程名稱, 日期, 訓練機關 and 課程主題 (issue 12). SQLite cannot change a UNIQUE
-- constraint in place, so training_courses is rebuilt; attendance is set aside first, because dropping the courses
-- would cascade into it. Ids are kept, so attendance rows point where they did.
CREATE TABLE training_courses_new (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  held_on      TEXT NOT NULL,
  provider     TEXT NOT NULL DEFAULT '',
  level        TEXT NOT NULL CHECK (level IN ('L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3', 'OTHER')),
  topic        TEXT,
  hours        REAL NOT NULL CHECK (hours > 0 AND hours * 2 = CAST(hours * 2 AS INTEGER)),
  approval_doc TEXT,
  note         TEXT
);
INSERT INTO training_courses_new (id, name, held_on, provider, level, topic, hours, approval_doc, note)
  SELECT id, name, held_on, provider, level, topic, hours, approval_doc, note FROM training_courses;

CREATE TABLE training_attendance_kept AS SELECT id, course_id, person_id, hours, certificate_no FROM training_attendance;
DROP TABLE training_attendance;
DROP TABLE training_courses;
ALTER TABLE training_courses_new RENAME TO training_courses;
CREATE UNIQUE INDEX training_courses_session ON training_courses (name, held_on, provider, ifnull(topic, ''));
CREATE INDEX training_courses_date ON training_courses (held_on);

CREATE TABLE training_attendance (
  id             INTEGER PRIMARY KEY,
  course_id      INTEGER NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  hours          REAL NOT NULL CHECK (hours > 0 AND hours * 2 = CAST(hours * 2 AS INTEGER)),
  certificate_no TEXT,
  UNIQUE (course_id, person_id)
);
INSERT INTO training_attendance (id, course_id, person_id, hours, certificate_no)
  SELECT id, course_id, person_id, hours, certificate_no FROM training_attendance_kept;
DROP TABLE training_attendance_kept;
CREATE INDEX training_attendance_person ON training_attendance (person_id);

-- Staff training (Level 1/2/3, 督導 1/2/3), case reports, volunteers and interns (RULES §4, §5).
-- Hours are REAL restricted to whole or half hours: halves are exact in binary floating point, so sums stay exact.

-- One course held once; attendees are ticked in training_attendance. `topic` names one of the L2 / 督導L2 topics.
CREATE TABLE training_courses (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  held_on      TEXT NOT NULL,
  provider     TEXT NOT NULL DEFAULT '',
  level        TEXT NOT NULL CHECK (level IN ('L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3', 'OTHER')),
  topic        TEXT,
  hours        REAL NOT NULL CHECK (hours > 0 AND hours * 2 = CAST(hours * 2 AS INTEGER)),
  approval_doc TEXT,
  note         TEXT,
  UNIQUE (name, held_on, provider)
);
CREATE INDEX training_courses_date ON training_courses (held_on);

-- Hours per attendee may be fewer than the course's (left early); certificate numbers are personal.
CREATE TABLE training_attendance (
  id             INTEGER PRIMARY KEY,
  course_id      INTEGER NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  hours          REAL NOT NULL CHECK (hours > 0 AND hours * 2 = CAST(hours * 2 AS INTEGER)),
  certificate_no TEXT,
  UNIQUE (course_id, person_id)
);
CREATE INDEX training_attendance_person ON training_attendance (person_id);

-- 個案報告 presented to an 外部督導會議 (Level 3 needs one a year).
CREATE TABLE case_reports (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  presented_on TEXT NOT NULL,
  title        TEXT NOT NULL,
  meeting      TEXT NOT NULL,
  UNIQUE (person_id, presented_on, title)
);
CREATE INDEX case_reports_date ON case_reports (presented_on);

-- Volunteers are not staff: their own register, matched by 身分證字號 else 姓名 like people.
CREATE TABLE volunteers (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  national_id         TEXT UNIQUE,
  contact             TEXT,
  basic_training_on   TEXT,
  special_training_on TEXT
);
CREATE INDEX volunteers_name ON volunteers (name);

CREATE TABLE volunteer_periods (
  id           INTEGER PRIMARY KEY,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  role         TEXT NOT NULL,
  start_date   TEXT NOT NULL,
  end_date     TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date),
  UNIQUE (volunteer_id, start_date)
);

CREATE TABLE volunteer_hours (
  id           INTEGER PRIMARY KEY,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  worked_on    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('繼續教育', '服務')),
  hours        REAL NOT NULL CHECK (hours > 0 AND hours * 2 = CAST(hours * 2 AS INTEGER)),
  note         TEXT,
  -- one entry per volunteer, day and kind, so re-importing the same sheet updates instead of doubling hours
  UNIQUE (volunteer_id, worked_on, kind)
);
CREATE INDEX volunteer_hours_date ON volunteer_hours (worked_on);

-- Yearly 考核 result, one per volunteer and ROC year.
CREATE TABLE volunteer_evaluations (
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  roc_year     INTEGER NOT NULL,
  result       TEXT NOT NULL,
  note         TEXT,
  PRIMARY KEY (volunteer_id, roc_year)
);

-- 合作單位 (school + department) and how the office works with it (合作方式).
CREATE TABLE partner_schools (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  department  TEXT NOT NULL DEFAULT '',
  cooperation TEXT,
  UNIQUE (name, department)
);

CREATE TABLE interns (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES partner_schools (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('實習', '見習')),
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  hours         REAL NOT NULL CHECK (hours >= 0 AND hours * 2 = CAST(hours * 2 AS INTEGER)),
  supervisor_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
  content       TEXT,
  CHECK (end_date >= start_date)
);
CREATE INDEX interns_dates ON interns (start_date, end_date);

-- Training numbers of a plan year (hours per level, deadlines), kept apart from plan_years.params_json so that
-- saving the plan-year page (whose contract lists only its own fields) cannot drop them. Missing year → latest earlier.
CREATE TABLE training_params (
  roc_year    INTEGER PRIMARY KEY,
  params_json TEXT NOT NULL
);

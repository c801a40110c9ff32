-- People, their employment periods and 留職停薪, and the roles those periods hold (RULES §1).
CREATE TABLE roles (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  kind    TEXT NOT NULL CHECK (kind IN ('case_manager', 'supervisor', 'project_manager', 'own', 'other')),
  builtin INTEGER NOT NULL DEFAULT 0,
  sort    INTEGER NOT NULL DEFAULT 100
);

INSERT INTO roles (code, name, kind, builtin, sort) VALUES
  ('CM',  '個管',     'case_manager',    1, 10),
  ('SCM', '資深個管', 'case_manager',    1, 20),
  ('SUP', '督導',     'supervisor',      1, 30),
  ('PM',  '專管',     'project_manager', 1, 40),
  ('OWN', '自有專責', 'own',             1, 50);

CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  national_id TEXT UNIQUE,
  employee_no TEXT,
  education   TEXT,
  department  TEXT,
  certificate TEXT,
  contact     TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX people_employee_no ON people (employee_no);
CREATE INDEX people_name ON people (name);

CREATE TABLE periods (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role_code      TEXT NOT NULL REFERENCES roles (code),
  funding        TEXT NOT NULL CHECK (funding IN ('補助', '自有')),
  business_group TEXT,
  admin_unit     TEXT,
  title          TEXT,
  start_date     TEXT NOT NULL,
  end_date       TEXT,
  end_reason     TEXT CHECK (end_reason IN ('離職', '轉任他職', '期滿', '職務異動', '其他')),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX periods_person ON periods (person_id, start_date);
CREATE INDEX periods_dates ON periods (start_date, end_date);

CREATE TABLE leaves (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  note       TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX leaves_person ON leaves (person_id, start_date);

-- Plan years with their parameters, approved quotas, supervision teams and month-end caseloads (RULES §2, §3).
CREATE TABLE plan_years (
  roc_year    INTEGER PRIMARY KEY,
  params_json TEXT NOT NULL
);

CREATE TABLE quotas (
  roc_year       INTEGER PRIMARY KEY REFERENCES plan_years (roc_year) ON DELETE CASCADE,
  approved_total INTEGER NOT NULL DEFAULT 0 CHECK (approved_total >= 0),
  funded_cm      INTEGER NOT NULL DEFAULT 0 CHECK (funded_cm >= 0),
  funded_scm     INTEGER NOT NULL DEFAULT 0 CHECK (funded_scm >= 0),
  funded_sup     INTEGER NOT NULL DEFAULT 0 CHECK (funded_sup >= 0),
  funded_pm      INTEGER NOT NULL DEFAULT 0 CHECK (funded_pm >= 0)
);

-- Which 督導 supervises which 個管, over time.
CREATE TABLE supervision_assignments (
  id              INTEGER PRIMARY KEY,
  case_manager_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  supervisor_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  start_date      TEXT NOT NULL,
  end_date        TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (case_manager_id <> supervisor_id)
);
CREATE INDEX supervision_cm ON supervision_assignments (case_manager_id, start_date);

-- 累計個管案量 and 在案案量 at a month end, per person.
CREATE TABLE caseloads (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  month_end  TEXT NOT NULL,
  cumulative INTEGER NOT NULL CHECK (cumulative >= 0),
  active     INTEGER NOT NULL CHECK (active >= 0),
  UNIQUE (person_id, month_end)
);
CREATE INDEX caseloads_month ON caseloads (month_end);

-- 衡量指標 四(一) (seed 004 肆 四(一)): the office's org chart per plan year — each 業務分組's 主責局處 (one) and 協辦局處
-- (any) — and what the clerk enters for targets 2 and 3. A year without rows of its own reads the latest earlier year's,
-- so the chart is copied forward with the plan year until someone saves that year.
CREATE TABLE org_chart (
  roc_year       INTEGER NOT NULL,
  business_group TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('lead', 'assist')),
  agency         TEXT NOT NULL,
  sort           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (roc_year, business_group, role, agency)
);
CREATE INDEX org_chart_year ON org_chart (roc_year, sort);

-- Target 2: cross-department meetings held in the year (A) and those chaired by the 秘書長/主任秘書 or above (B).
-- Target 3: 中央補助金額, 自籌金額 (NT$) and the 最低自籌比率 (percent). Blank until entered; B above A is shown as a
-- finding, not refused.
CREATE TABLE indicator_inputs (
  roc_year         INTEGER PRIMARY KEY,
  meetings_held    INTEGER CHECK (meetings_held >= 0),
  meetings_chaired INTEGER CHECK (meetings_chaired >= 0),
  central_subsidy  INTEGER CHECK (central_subsidy >= 0),
  self_funded      INTEGER CHECK (self_funded >= 0),
  min_self_ratio   REAL CHECK (min_self_ratio >= 0 AND min_self_ratio <= 100)
);

-- Covering index for "who holds which post on a date" (every as-of figure): found by the national-scale benchmark.
CREATE INDEX periods_current ON periods (end_date, start_date, person_id, role_code, funding);

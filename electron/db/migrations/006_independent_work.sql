-- 附件九：新進個管人員需經督導輔導評估通過後，始進行獨立作業. The date a supervisor cleared the person, on the person.
ALTER TABLE people ADD COLUMN cleared_on TEXT;

-- Office profile and editable lists (業務組, 所屬行政單位, ...) live in settings as text / JSON.
INSERT INTO settings (key, value) VALUES
  ('office.county', ''),
  ('office.centre', ''),
  ('office.unit', ''),
  ('office.contact', ''),
  ('lists.businessGroups', '["預防宣導組","保護扶助組","醫療服務組","綜合規劃組"]'),
  ('lists.adminUnits', '["衛生局","社會處","警察局","教育處","勞工處"]');

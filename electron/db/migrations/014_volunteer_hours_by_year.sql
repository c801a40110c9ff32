-- Volunteer hours read by date (the year's figure, which the home page and 衡量指標 use too, and the hours up to a day
-- that 榮譽卡 count) come from the index alone. Through volunteer_hours_date each such row was a lookup in the table:
-- at 20,000 people (four times the national dataset) the table no longer fits SQLite's page cache, and the year's
-- figure took 4.9–5.9× its time at 5,000 (issue 18). The new index leads with worked_on: it serves every query the old
-- one did.
CREATE INDEX volunteer_hours_year ON volunteer_hours (worked_on, volunteer_id, kind, hours);
DROP INDEX volunteer_hours_date;

-- 志願服務法 §20 and its rules (issue 19): the 志願服務紀錄冊, 志願服務榮譽卡 and 績優獎勵 of each volunteer.

-- The record-book the hours are written into (number and issue date as printed on its cover).
ALTER TABLE volunteers ADD COLUMN record_book_no TEXT;
ALTER TABLE volunteers ADD COLUMN record_book_on TEXT;

-- Every 榮譽卡 a volunteer was issued. `hours_through` is the last day whose service years and hours that card's
-- application counted (作業規定 三: a renewal never counts them twice); NULL = its expiry less the validity years
-- (a renewal counts 「自榮譽卡到期日回溯3年」, from the day after), which is all that is known of most old cards.
CREATE TABLE volunteer_cards (
  id            INTEGER PRIMARY KEY,
  volunteer_id  INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  issued_on     TEXT NOT NULL,
  expires_on    TEXT NOT NULL,
  card_no       TEXT,
  hours_through TEXT,
  CHECK (expires_on > issued_on),
  UNIQUE (volunteer_id, issued_on)
);

-- 績優獎勵 received (志願服務獎勵辦法: 銅牌 / 銀牌 / 金牌), one of each tier per volunteer.
CREATE TABLE volunteer_awards (
  id           INTEGER PRIMARY KEY,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  tier         TEXT NOT NULL CHECK (tier IN ('銅牌', '銀牌', '金牌')),
  awarded_on   TEXT NOT NULL,
  note         TEXT,
  UNIQUE (volunteer_id, tier)
);

-- 工作內容（其他）: the short list 附件五 prints in its 其他(簡要條列說明) column for people outside case management,
-- per person and period (issue 12). The 職稱 text already lives in periods.title.
ALTER TABLE periods ADD COLUMN duties TEXT;

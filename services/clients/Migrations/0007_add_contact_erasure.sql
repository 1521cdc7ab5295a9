-- An erased contact keeps its row for anonymous statistics (status, dates, outcomes' dispositions and durations);
-- its personal data is gone and no lookup sees it again.
ALTER TABLE contacts ADD COLUMN erased_at timestamptz;

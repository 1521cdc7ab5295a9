-- A call list is read in the encoding its uploader chose, or the one detected (with a warning when the detection is
-- uncertain); a rejected row keeps its original text, so the rejected rows can be downloaded, fixed and uploaded again.
ALTER TABLE imports ADD COLUMN encoding text;            -- chosen at upload, or detected when the job starts
ALTER TABLE imports ADD COLUMN encoding_chosen boolean NOT NULL DEFAULT false;
ALTER TABLE imports ADD COLUMN warnings text[] NOT NULL DEFAULT '{}';
ALTER TABLE import_errors ADD COLUMN original text;
ALTER TABLE imports ADD COLUMN header text;           -- the header line as it stood, for the rejected rows' download

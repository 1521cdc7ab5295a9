-- A number whose country spans several zones (Russian, US, Australian, Brazilian mobiles) and that came without a zone
-- of its own keeps every zone it may be in: it is called only when the calendar is open in all of them.
ALTER TABLE contacts ADD COLUMN calling_zones text[] NOT NULL DEFAULT '{}';
